// Registration only: builds the shared services and hands them to each feature.
import * as vscode from 'vscode';
import { registerChat } from './chat/registerChat';
import { registerHubs } from './hubs/registerHubs';
import { registerKeys } from './keys/registerKeys';
import { registerLanguageModels } from './lm/registerLanguageModels';
import { registerModels } from './models/registerModels';
import { registerSelection } from './selection/registerSelection';
import { createServices } from './services';

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const { services, disposables } = createServices(context);
  context.subscriptions.push(
    ...disposables,
    registerKeys(services),
    registerHubs(services),
    registerLanguageModels(services),
    registerModels(services),
    registerChat(services),
    registerSelection(services),
  );
  // VS Code's own activation figure adds code loading and the host's scheduling; this is the part we control.
  services.log.info(`activated in ${(performance.now() - started).toFixed(1)} ms`);
}

export function deactivate(): void {}
