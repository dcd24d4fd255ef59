// One request to the hub for a selection command: the size check first, then a streamed completion with
// progress in a cancellable notification (cancel aborts the HTTP request), and the hub's errors as messages
// with the action that fixes them.
import * as vscode from 'vscode';
import { HUB_ADDRESS_ERRORS, isHubError, type HubErrorKind } from '../core/hub/errors';
import type { ChatMessage } from '../core/hub/types';
import { resolveLimits } from '../core/models/limits';
import { budgetMessage, checkBudget } from '../core/prompts/tokenBudget';
import { Commands } from '../ids';
import type { Services } from '../services';

export interface HubAsk {
  /** What the notification says is happening: "Refactoring sample.ts". */
  title: string;
  messages: ChatMessage[];
  /** Roughly how long the answer will be (a rewrite is about as long as its code), kept free in the context. */
  expectedOutputTokens: number;
  /** The model to ask; the default model when not given. */
  model?: string;
}

const ACTIONS: Partial<Record<HubErrorKind, { label: string; command: string }>> = {
  noKey: { label: vscode.l10n.t('Set API Key'), command: Commands.setApiKey },
  auth: { label: vscode.l10n.t('Set API Key'), command: Commands.setApiKey },
  notFound: { label: vscode.l10n.t('Select Model'), command: Commands.selectModel },
  forbidden: { label: vscode.l10n.t('Select Model'), command: Commands.selectModel },
  noChannel: { label: vscode.l10n.t('Select Model'), command: Commands.selectModel },
  badRequest: { label: vscode.l10n.t('Select Model'), command: Commands.selectModel },
};
const CHOOSE_HUB = { label: vscode.l10n.t('Choose Hub'), command: Commands.selectHub };

/** The model's whole answer, or undefined when it was refused, cancelled or failed (the user has been told). */
export async function askHub(services: Services, ask: HubAsk): Promise<string | undefined> {
  const model = ask.model ?? services.config.current.defaultModel;
  if (!model) {
    offer(vscode.l10n.t('No model is chosen for AI Hub. Pick one, then run the command again.'), {
      label: vscode.l10n.t('Select Model'),
      command: Commands.selectModel,
    });
    return undefined;
  }
  const info = services.models.catalog.find((m) => m.id === model) ?? { id: model };
  const limits = resolveLimits(info, services.config.current.modelLimits);
  const budget = checkBudget({ messages: ask.messages, expectedOutputTokens: ask.expectedOutputTokens, limits });
  if (!budget.fits) {
    services.log.warn(
      `selection: refused before sending, ${budget.inputTokens} + ${budget.reservedTokens} tokens > ${limits.maxInputTokens} in / ${limits.maxOutputTokens} out for ${model}`,
    );
    offer(budgetMessage(model, budget), { label: vscode.l10n.t('Select Model'), command: Commands.selectModel });
    return undefined;
  }
  const client = services.usage.client('selection');
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('AI Hub: {0}', ask.title), cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const cancelled = token.onCancellationRequested(() => abort.abort());
      let received = 0;
      let reported = 0;
      progress.report({ message: vscode.l10n.t('asking {0}…', model) });
      try {
        const result = await client.streamChat(
          { model, messages: ask.messages, temperature: 0.2 },
          {
            signal: abort.signal,
            onEvent: (event) => {
              if (event.type !== 'text') return;
              received += event.text.length;
              // Reporting on every token would flood the notification with repaints.
              if (received - reported < 200) return;
              reported = received;
              progress.report({ message: vscode.l10n.t('{0}: {1} characters received', model, received.toLocaleString('en-US')) });
            },
          },
        );
        return result.text;
      } catch (err) {
        if (isHubError(err) && err.kind === 'cancelled') {
          services.log.info(`selection: ${ask.title} cancelled`);
          return undefined;
        }
        const message = err instanceof Error ? err.message : String(err);
        services.log.error(`selection: ${ask.title}: ${message}`);
        offer(message, fixFor(err));
        return undefined;
      } finally {
        cancelled.dispose();
      }
    },
  );
}

/** The one action that fixes a hub error (a key, a model, the hub's address), if there is one. */
export function fixFor(err: unknown): { label: string; command: string } | undefined {
  return isHubError(err) ? (ACTIONS[err.kind] ?? (HUB_ADDRESS_ERRORS.has(err.kind) ? CHOOSE_HUB : undefined)) : undefined;
}

/** An error message with the one action that fixes it (or none). Not awaited: the command is over. */
export function offer(message: string, action?: { label: string; command: string }): void {
  void vscode.window.showErrorMessage(vscode.l10n.t('AI Hub: {0}', message), ...(action ? [action.label] : [])).then((choice) => {
    if (choice && action) void vscode.commands.executeCommand(action.command);
  });
}
