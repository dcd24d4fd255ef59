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
}

export function deactivate(): void {}
