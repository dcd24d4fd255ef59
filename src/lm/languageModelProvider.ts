// The hub's models in VS Code's own chat model picker and to every extension through `vscode.lm`.
import * as vscode from 'vscode';
import type { ChatEvent, HubModel } from '../core/hub/types';
import { countMessageTokens, toOpenAiMessages } from '../core/lm/messages';
import { toLanguageModelInfos } from '../core/lm/modelInfo';
import { chooseEffort } from '../core/lm/reasoningEffort';
import { ReasoningMemory } from '../core/lm/reasoningMemory';
import { requestOptions } from '../core/lm/requestOptions';
import { USAGE_MIME_TYPE, usageData } from '../core/lm/usageReport';
import { parseToolArguments } from '../core/lm/toolArguments';
import { estimateTokens } from '../core/models/tokenEstimate';
import { Commands, Settings } from '../ids';
import type { Services } from '../services';
import { toLanguageModelError } from './languageModelErrors';
import { toNeutralMessage } from './vscodeMessages';

type ThinkingPartConstructor = new (value: string) => unknown;
type DataPartConstructor = new (data: Uint8Array, mimeType: string) => unknown;

/**
 * How long a failure waits behind the parts already reported: in code-server they were lost at 5 ms and arrived
 * at 30 ms (they cross to the workbench and back); the margin is for a busy machine. Only failures wait.
 */
const PARTS_IN_FLIGHT_MS = 250;

export class HubLanguageModelProvider implements vscode.LanguageModelChatProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeLanguageModelChatInformation = this.changed.event;
  private listSignature = '';
  private readonly subscriptions: vscode.Disposable[];
  /** The picker's entries for the last list and settings they were built from. */
  private infos:
    | { models: readonly HubModel[]; modelLimits: object; reasoningEffort: object; infos: Promise<vscode.LanguageModelChatInformation[]> }
    | undefined;
  /** The reasoning of turns that ended in tool calls, for the next request of those tool loops. */
  private readonly reasoning = new ReasoningMemory();

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
        if (
          e.affectsConfiguration(`${Settings.section}.${Settings.modelLimits}`) ||
          e.affectsConfiguration(`${Settings.section}.${Settings.reasoningEffort}`)
        )
          this.changed.fire();
      }),
    ];
  }

  async provideLanguageModelChatInformation(
    options: vscode.PrepareLanguageModelChatModelOptions,
    token: vscode.CancellationToken,
  ): Promise<vscode.LanguageModelChatInformation[]> {
    if (!(await this.services.hub.hasKey())) {
      // Asked silently (VS Code listing models at start), a missing key is no reason to interrupt anyone.
      if (options.silent || !(await this.offerKey())) return [];
    }
    let models = this.services.models.cached;
    const fresh = this.services.models.getModels();
    if (models.length > 0) {
      // The last session's list at once; a newer one from the hub (the cache may be stale) fires
      // onDidChangeLanguageModelChatInformation when it differs, and VS Code asks again.
      fresh.catch((err: unknown) => this.services.log.warn(`language models: ${err instanceof Error ? err.message : String(err)}`));
    } else {
      try {
        models = await fresh;
      } catch (err) {
        this.services.log.warn(`language models: ${err instanceof Error ? err.message : String(err)}`);
        if (!options.silent)
          void vscode.window.showWarningMessage(
            vscode.l10n.t("AI Hub: could not list the hub's models. {0}", err instanceof Error ? err.message : ''),
          );
      }
    }
    if (token.isCancellationRequested) return [];
    const { modelLimits, reasoningEffort } = this.services.config.current;
    // VS Code asks again at start (each of its surfaces that lists models): the same list and settings give the
    // same entries, built once.
    const memo = this.infos;
    if (memo?.models === models && memo.modelLimits === modelLimits && memo.reasoningEffort === reasoningEffort) return memo.infos;
    const infos = toLanguageModelInfos(models, modelLimits, reasoningEffort);
    this.infos = { models, modelLimits, reasoningEffort, infos };
    return infos;
  }

  async provideLanguageModelChatResponse(
    model: vscode.LanguageModelChatInformation,
    messages: readonly vscode.LanguageModelChatRequestMessage[],
    options: vscode.ProvideLanguageModelChatResponseOptions,
    progress: vscode.Progress<vscode.LanguageModelResponsePart>,
    token: vscode.CancellationToken,
  ): Promise<void> {
    const tools = options.tools?.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema }));
    const { options: extra, dropped } = requestOptions(
      options.modelOptions,
      tools,
      options.toolMode === vscode.LanguageModelChatToolMode.Required,
    );
    if (dropped.length > 0)
      this.services.log.debug(`language models: options the hub would not understand were dropped: ${dropped.join(', ')}`);
    // The caller's choice first, then the one made in VS Code's model picker (a proposed option, VS Code 1.139);
    // the client adds aihub.reasoningEffort where neither chose.
    const configured = (options as { modelConfiguration?: { reasoningEffort?: unknown } }).modelConfiguration?.reasoningEffort;
    const effort = chooseEffort(extra.reasoning_effort, configured);
    // Still a proposed API: where this VS Code has it, reasoning shows as thinking; elsewhere it is left out,
    // never mixed into the answer.
    const Thinking = (vscode as unknown as { LanguageModelThinkingPart?: ThinkingPartConstructor }).LanguageModelThinkingPart;
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    let reported = false;
    const report = (part: vscode.LanguageModelResponsePart) => {
      reported = true;
      progress.report(part);
    };
    const onEvent = (event: ChatEvent) => {
      if (event.type === 'text') report(new vscode.LanguageModelTextPart(event.text));
      else if (event.type === 'reasoning' && Thinking) report(new Thinking(event.text) as vscode.LanguageModelResponsePart);
    };
    try {
      const client = this.services.usage.client('lm');
      const result = await client.streamChat(
        {
          model: model.id,
          messages: toOpenAiMessages(messages.map(toNeutralMessage), (ids) => this.reasoning.recall(ids)),
          ...extra,
          reasoning_effort: effort,
        },
        { signal: controller.signal, onEvent },
      );
      // Tool calls go out whole at the end: parallel calls interleave their argument pieces by index, so a call
      // is complete only when the stream is. All are checked before any is reported: half a set of calls would
      // leave the caller waiting for results it cannot pair.
      const calls = result.toolCalls.map(
        (call) => new vscode.LanguageModelToolCallPart(call.id, call.name, parseToolArguments(call.name, call.arguments)),
      );
      for (const call of calls) progress.report(call);
      if (calls.length > 0 && result.reasoning)
        this.reasoning.remember(
          result.toolCalls.map((c) => c.id),
          result.reasoning,
        );
      // Where this VS Code has data parts, the hub's token counts reach the host (its context indicator).
      const Data = (vscode as unknown as { LanguageModelDataPart?: DataPartConstructor }).LanguageModelDataPart;
      if (result.usage && Data) progress.report(new Data(usageData(result.usage), USAGE_MIME_TYPE) as vscode.LanguageModelResponsePart);
      if (result.possiblyTruncated)
        this.services.log.warn(`language models: ${model.id} ended without a finish reason; the answer may be cut short`);
    } catch (err) {
      // A cancelled request is the caller's choice, not a failure to report.
      if (token.isCancellationRequested) return;
      // VS Code's response stream throws a failure ahead of any parts its reader has not taken yet, so text
      // reported in the same moment as the failure would be lost; the pause lets those parts reach the reader.
      if (reported) await new Promise((resolve) => setTimeout(resolve, PARTS_IN_FLIGHT_MS));
      throw toLanguageModelError(err);
    } finally {
      cancel.dispose();
    }
  }

  async provideTokenCount(
    _model: vscode.LanguageModelChatInformation,
    text: string | vscode.LanguageModelChatRequestMessage,
  ): Promise<number> {
    return typeof text === 'string' ? estimateTokens(text) : countMessageTokens(toNeutralMessage(text));
  }

  private async offerKey(): Promise<boolean> {
    const setKey = vscode.l10n.t('Set API Key');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('AI Hub needs an API key before its models can be used.'),
      setKey,
    );
    if (choice !== setKey) return false;
    await vscode.commands.executeCommand(Commands.setApiKey);
    return this.services.hub.hasKey();
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.changed.dispose();
  }
}
