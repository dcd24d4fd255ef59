// The keys feature: set, clear and check the current hub's key, and the AIHUB_API_KEY import offer.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerCheckKey } from './checkKey';
import { registerClearApiKey } from './clearApiKey';
import { registerEnvKeyOffer } from './envKeyImport';
import { registerSetApiKey } from './setApiKey';

export function registerKeys(services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    registerSetApiKey(services),
    registerClearApiKey(services),
    registerCheckKey(services),
    registerEnvKeyOffer(services),
  );
}
