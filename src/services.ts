// The long-lived objects every feature shares, built once in activate().
import * as vscode from 'vscode';
import { ConfigStore } from './config/configuration';
import { ConversationStore } from './core/chat/conversationStore';
import { HubService } from './hubs/hubService';
import { HttpConsent } from './hubs/httpConsent';
import { KeyStore } from './keys/keyStore';
import { ModelsService } from './models/modelsService';
import { UsageLog } from './usage/usageLog';
import { UsageRecorder } from './usage/usageRecorder';

export interface Services {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  config: ConfigStore;
  keys: KeyStore;
  hub: HubService;
  models: ModelsService;
  /** Chats and comparisons, one JSON file each under the extension's global storage. */
  conversations: ConversationStore;
  /** Hands out measured clients: every reply from every surface goes through it into the usage log. */
  usage: UsageRecorder;
}

export function createServices(context: vscode.ExtensionContext): { services: Services; disposables: vscode.Disposable[] } {
  const log = vscode.window.createOutputChannel('AI Hub', { log: true });
  const config = new ConfigStore();
  const keys = new KeyStore(context.secrets);
  const version = (context.extension.packageJSON as { version?: string }).version ?? '0';
  const hub = new HubService(config, keys, log, `aihub-vscode/${version} vscode/${vscode.version}`, new HttpConsent(context.globalState));
  const models = new ModelsService(context.globalState, hub, log);
  const conversations = new ConversationStore(vscode.Uri.joinPath(context.globalStorageUri, 'conversations').fsPath, { logger: log });
  const usage = new UsageRecorder(hub, models, new UsageLog(vscode.Uri.joinPath(context.globalStorageUri, 'usage').fsPath, log), log);
  return { services: { context, log, config, keys, hub, models, conversations, usage }, disposables: [log, config, keys, hub, models] };
}
