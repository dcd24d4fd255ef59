// A typed snapshot of the extension's settings, re-read whenever they change.
import * as vscode from 'vscode';
import { normalizeHubUrl } from '../core/hubs/hubUrl';
import { readSavedHubs, type SavedHub } from '../core/hubs/savedHubs';
import { readEffortSetting, type ReasoningEffort } from '../core/lm/reasoningEffort';
import { readLimitOverrides, type LimitOverride } from '../core/models/limits';
import { DEFAULT_BASE_URL, Settings } from '../ids';
import { parseFallbackSetting, type FallbackSetting } from '../core/chat/fallback';

export interface AiHubConfig {
  baseUrl: string;
  defaultModel: string;
  maxRetries: number;
  requestTimeoutSeconds: number;
  /** Hubs kept for switching (`aihub.hubs`), from user/machine settings only. */
  hubs: SavedHub[];
  /** `aihub.fallbackModels`, from the user's settings only (a workspace must not reroute prompts to another model). */
  fallbackModels: FallbackSetting;
  /** What was wrong with `aihub.fallbackModels`, for the log. */
  fallbackProblems: string[];
  /** `aihub.modelLimits`: model id or glob → limits and capabilities, entries that don't parse left out. */
  modelLimits: Record<string, LimitOverride>;
  /** `aihub.reasoningEffort`: model id or glob → thinking effort, entries that are not an effort left out. */
  reasoningEffort: Record<string, ReasoningEffort>;
  /** `aihub.lowBalanceWarning`, US dollars; 0 turns the warning off. */
  lowBalanceWarning: number;
  /** `aihub.systemPrompt`, from the user's settings only (a cloned repository must not instruct the model). */
  systemPrompt: string;
}

/**
 * Reads the settings. The base URL (and the saved hubs) decide where the key is sent, so they come only from
 * the user's or the machine's settings: a value from a workspace (a cloned repository's .vscode/settings.json)
 * is ignored even if VS Code hands it over.
 */
export function readConfig(): AiHubConfig {
  const config = vscode.workspace.getConfiguration(Settings.section);
  const baseUrl = config.inspect<string>(Settings.baseUrl);
  const hubs = config.inspect<unknown>(Settings.hubs);
  const fallbacks = parseFallbackSetting(config.inspect<unknown>(Settings.fallbackModels)?.globalValue);
  return {
    // Normalised, so "https://hub.example" and "https://hub.example/v1/" are one hub with one key; a value that
    // cannot be used is kept as written, for the client to report in words.
    baseUrl: normalizeHubUrl(baseUrl?.globalValue ?? baseUrl?.defaultValue ?? DEFAULT_BASE_URL),
    hubs: readSavedHubs(hubs?.globalValue),
    defaultModel: config.get<string>(Settings.defaultModel, '').trim(),
    maxRetries: clampInt(config.get<number>(Settings.maxRetries, 2), 0, 10),
    requestTimeoutSeconds: Math.max(1, config.get<number>(Settings.requestTimeoutSeconds, 60)),
    fallbackModels: fallbacks.setting,
    fallbackProblems: fallbacks.problems,
    modelLimits: readLimitOverrides(config.get<unknown>(Settings.modelLimits)),
    reasoningEffort: readEffortSetting(config.get<unknown>(Settings.reasoningEffort)),
    lowBalanceWarning: Math.max(0, Number(config.get<number>(Settings.lowBalanceWarning, 1)) || 0),
    systemPrompt: stringOr(config.inspect<unknown>(Settings.systemPrompt)?.globalValue, ''),
  };
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function clampInt(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(Number.isFinite(value) ? value : min)));
}

/** Holds the current configuration and tells listeners when an `aihub.*` setting changes. */
export class ConfigStore implements vscode.Disposable {
  private snapshot = readConfig();
  private readonly emitter = new vscode.EventEmitter<AiHubConfig>();
  readonly onDidChange = this.emitter.event;
  private readonly subscription = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration(Settings.section)) return;
    this.snapshot = readConfig();
    this.emitter.fire(this.snapshot);
  });

  get current(): AiHubConfig {
    return this.snapshot;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
