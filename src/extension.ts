// Registration only: builds the shared services and hands them to each feature. What the first screen needs (keys,
// models, the chat view, the model picker, the balance) loads with the extension; the rest loads on first use
// (src/lazyFeature.ts), so VS Code's activation time counts only the former.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { registerChat } from './chat/registerChat';
import { Commands, Views } from './ids';
import { registerKeys } from './keys/registerKeys';
import { lazyFeature } from './lazyFeature';
import { registerLanguageModels } from './lm/registerLanguageModels';
import { registerModels } from './models/registerModels';
import { registerMoney } from './money/registerMoney';
import { createServices } from './services';

/** Writes still pending when VS Code deactivates the extension (a reload, a window closing). */
let flushOnDeactivate: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  // src/core speaks through @vscode/l10n (it knows nothing of VS Code): hand it this extension's bundle for the
  // display language. Without one (English) its strings are the English in the source.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const { services, disposables } = createServices(context);
  context.subscriptions.push(
    ...disposables,
    registerKeys(services),
    registerLanguageModels(services),
    registerModels(services),
    registerMoney(services),
  );
  const chat = registerChat(services);
  flushOnDeactivate = async () => {
    await Promise.all([chat.flush(), services.usage.log.flushed()]);
  };
  context.subscriptions.push(
    chat,
    lazyFeature({
      commands: [Commands.selectHub, Commands.setHubHeader],
      load: async () => {
        const { registerHubs } = await import('./hubs/registerHubs');
        return () => registerHubs(services);
      },
    }),
    lazyFeature({
      commands: [
        Commands.explainSelection,
        Commands.refactorSelection,
        Commands.fixSelection,
        Commands.refactorWithTwoModels,
        Commands.fixWithTwoModels,
        Commands.documentSelection,
        Commands.writeTests,
        Commands.runPrompt,
        Commands.acceptProposal,
        Commands.rejectProposal,
        Commands.applyCodeBlock,
      ],
      load: async () => {
        const { registerSelection } = await import('./selection/registerSelection');
        return () => registerSelection(services, chat.port);
      },
    }),
    lazyFeature({
      commands: [Commands.compareModels, Commands.openComparison, Commands.compareSnapshot, Commands.compareControl],
      panels: [Views.comparePanel],
      load: async () => {
        const { registerCompare } = await import('./compare/registerCompare');
        return () => registerCompare(services);
      },
    }),
    lazyFeature({
      commands: [Commands.showUsage, Commands.usageSnapshot],
      panels: [Views.usage],
      load: async () => {
        const { registerUsage } = await import('./usage/registerUsage');
        return () => registerUsage(services);
      },
    }),
    lazyFeature({
      commands: [Commands.generateCommitMessage],
      load: async () => {
        const { registerGenerateCommitMessage } = await import('./scm/generateCommitMessage');
        return () => registerGenerateCommitMessage(services);
      },
    }),
  );
  // VS Code's own activation figure adds code loading and the host's scheduling; this is the part we control.
  services.log.info(`activated in ${(performance.now() - started).toFixed(1)} ms`);
}

// VS Code awaits the promise (for a few seconds) before it disposes the subscriptions and ends the host.
export async function deactivate(): Promise<void> {
  await flushOnDeactivate?.();
}
