// Registration only: builds the shared services and hands them to each feature.
import * as vscode from 'vscode';
import { registerChat } from './chat/registerChat';
import { registerCompare } from './compare/registerCompare';
import { registerHubs } from './hubs/registerHubs';
import { registerKeys } from './keys/registerKeys';
import { registerLanguageModels } from './lm/registerLanguageModels';
import { registerModels } from './models/registerModels';
import { registerMoney } from './money/registerMoney';
import { registerSelection } from './selection/registerSelection';
import { createServices } from './services';
import { registerUsage } from './usage/registerUsage';

/** Writes still pending when VS Code deactivates the extension (a reload, a window closing). */
let flushOnDeactivate: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const { services, disposables } = createServices(context);
  context.subscriptions.push(
    ...disposables,
    registerKeys(services),
    registerHubs(services),
    registerLanguageModels(services),
    registerModels(services),
    registerMoney(services),
  );
  const chat = registerChat(services);
  flushOnDeactivate = async () => {
    await Promise.all([chat.flush(), services.usage.log.flushed()]);
  };
  context.subscriptions.push(chat, registerSelection(services, chat.port), registerCompare(services), registerUsage(services));
  // VS Code's own activation figure adds code loading and the host's scheduling; this is the part we control.
  services.log.info(`activated in ${(performance.now() - started).toFixed(1)} ms`);
}

// VS Code awaits the promise (for a few seconds) before it disposes the subscriptions and ends the host.
export async function deactivate(): Promise<void> {
  await flushOnDeactivate?.();
}
