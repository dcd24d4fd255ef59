// The hub's models in VS Code's own chat model picker and to every extension through `vscode.lm`.
import * as vscode from 'vscode';
import type { ChatEvent } from '../core/hub/types';
import { countMessageTokens, toOpenAiMessages } from '../core/lm/messages';
import { isChatModel, toLanguageModelInfo } from '../core/lm/modelInfo';
import { requestOptions } from '../core/lm/requestOptions';
import { estimateTokens } from '../core/lm/tokenEstimate';
import { Commands, Settings } from '../ids';
import type { Services } from '../services';
import { toLanguageModelError } from './languageModelErrors';
import { toNeutralMessage } from './vscodeMessages';

type ThinkingPartConstructor = new (value: string) => unknown;

export class HubLanguageModelProvider implements vscode.LanguageModelChatProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeLanguageModelChatInformation = this.changed.event;
  private listSignature = '';
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly services: Services) {
    this.subscriptions = [
      services.models.onDidChange(() => {
        const signature = services.models.cached.map((m) => m.id).join('\n');
        if (signature === this.listSignature) return;
        this.listSignature = signature;
        this.changed.fire();
      }),
      services.hub.onDidChangeHub(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${Settings.section}.${Settings.modelLimits}`)) this.changed.fire();
      }),
    ];
  }

  async provideLanguageModelChatInformation(options: vscode.PrepareLanguageModelChatModelOptions, token: vscode.CancellationToken): Promise<vscode.LanguageModelChatInformation[]> {
    if (!(await this.services.hub.hasKey())) {
      // Asked silently (VS Code listing models at start), a missing key is no reason to interrupt anyone.
      if (options.silent || !(await this.offerKey())) return [];
    }
    let models = this.services.models.cached;
    try {
      models = await this.services.models.getModels();
    } catch (err) {
      this.services.log.warn(`language models: ${err instanceof Error ? err.message : String(err)}`);
      if (!options.silent && models.length === 0) void vscode.window.showWarningMessage(`AI Hub: could not list the hub's models. ${err instanceof Error ? err.message : ''}`);
    }
    if (token.isCancellationRequested) return [];
    const overrides = this.services.config.current.modelLimits;
    return models.map((m) => toLanguageModelInfo(m, overrides)).filter(isChatModel);
  }

  async provideLanguageModelChatResponse(
    model: vscode.LanguageModelChatInformation,
    messages: readonly vscode.LanguageModelChatRequestMessage[],
    options: vscode.ProvideLanguageModelChatResponseOptions,
    progress: vscode.Progress<vscode.LanguageModelResponsePart>,
    token: vscode.CancellationToken,
  ): Promise<void> {
    const tools = options.tools?.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema }));
    const { options: extra, dropped } = requestOptions(options.modelOptions, tools, options.toolMode === vscode.LanguageModelChatToolMode.Required);
    if (dropped.length > 0) this.services.log.debug(`language models: options the hub would not understand were dropped: ${dropped.join(', ')}`);
    // Still a proposed API: where this VS Code has it, reasoning shows as thinking; elsewhere it is left out,
    // never mixed into the answer.
    const Thinking = (vscode as unknown as { LanguageModelThinkingPart?: ThinkingPartConstructor }).LanguageModelThinkingPart;
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    const onEvent = (event: ChatEvent) => {
      if (event.type === 'text') progress.report(new vscode.LanguageModelTextPart(event.text));
      else if (event.type === 'reasoning' && Thinking) progress.report(new Thinking(event.text) as vscode.LanguageModelResponsePart);
    };
    try {
      const client = this.services.hub.client();
      const result = await client.streamChat({ model: model.id, messages: toOpenAiMessages(messages.map(toNeutralMessage)), ...extra }, { signal: controller.signal, onEvent });
      // Tool calls go out whole, once the stream has delivered all of their JSON arguments.
      for (const call of result.toolCalls) progress.report(new vscode.LanguageModelToolCallPart(call.id, call.name, parseArguments(call.name, call.arguments)));
      if (result.possiblyTruncated) this.services.log.warn(`language models: ${model.id} ended without a finish reason; the answer may be cut short`);
    } catch (err) {
      // A cancelled request is the caller's choice, not a failure to report.
      if (token.isCancellationRequested) return;
      throw toLanguageModelError(err);
    } finally {
      cancel.dispose();
    }
  }

  async provideTokenCount(_model: vscode.LanguageModelChatInformation, text: string | vscode.LanguageModelChatRequestMessage): Promise<number> {
    return typeof text === 'string' ? estimateTokens(text) : countMessageTokens(toNeutralMessage(text));
  }

  private async offerKey(): Promise<boolean> {
    const choice = await vscode.window.showInformationMessage('AI Hub needs an API key before its models can be used.', 'Set API Key');
    if (choice !== 'Set API Key') return false;
    await vscode.commands.executeCommand(Commands.setApiKey);
    return this.services.hub.hasKey();
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.changed.dispose();
  }
}

function parseArguments(name: string, json: string): object {
  try {
    const value: unknown = JSON.parse(json || '{}');
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // reported below
  }
  throw new Error(`The model called the tool "${name}" with arguments that are not a JSON object: ${json.slice(0, 200)}`);
}
