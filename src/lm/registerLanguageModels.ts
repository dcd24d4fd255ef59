// Registers the hub as a language-model vendor (`aihub`, declared in package.json's languageModelChatProviders).
import * as vscode from 'vscode';
import { VENDOR } from '../ids';
import type { Services } from '../services';
import { HubLanguageModelProvider } from './languageModelProvider';

export function registerLanguageModels(services: Services): vscode.Disposable {
  const provider = new HubLanguageModelProvider(services);
  return vscode.Disposable.from(provider, vscode.lm.registerLanguageModelChatProvider(VENDOR, provider));
}
