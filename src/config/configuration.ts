// A typed snapshot of the extension's settings, re-read whenever they change.
import * as vscode from 'vscode';
import { DEFAULT_BASE_URL, Settings } from '../ids';

export interface AiHubConfig {
  baseUrl: string;
  defaultModel: string;
  maxRetries: number;
  requestTimeoutSeconds: number;
}

/**
 * Reads the settings. The base URL decides where the key is sent, so it comes only from the user's or the
 * machine's settings: a value from a workspace (a cloned repository's .vscode/settings.json) is ignored even
 * if VS Code hands it over.
 */
export function readConfig(): AiHubConfig {
  const config = vscode.workspace.getConfiguration(Settings.section);
  const baseUrl = config.inspect<string>(Settings.baseUrl);
  return {
    baseUrl: (baseUrl?.globalValue ?? baseUrl?.defaultValue ?? DEFAULT_BASE_URL).trim(),
    defaultModel: config.get<string>(Settings.defaultModel, '').trim(),
    maxRetries: clampInt(config.get<number>(Settings.maxRetries, 2), 0, 10),
    requestTimeoutSeconds: Math.max(1, config.get<number>(Settings.requestTimeoutSeconds, 60)),
  };
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
