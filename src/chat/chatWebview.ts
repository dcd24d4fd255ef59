// Sets up one webview showing the chat (the sidebar view or an editor tab): the locked-down HTML, and the
// messages from the page, validated and routed to the controller. Nothing is posted before the page's `ready`.
import * as vscode from 'vscode';
import { chatWebviewHtml, newNonce } from '../core/chat/webviewHtml';
import { Commands } from '../ids';
import { webviewMessageSchema, type HostMessage, type WebviewMessage } from '../shared/chatProtocol';
import type { Services } from '../services';
import type { ChatController } from './chatController';
import { attachmentFrom, runPageAction, type EditorTracker } from './editorActions';
import type { ModelOptions } from './modelOptions';
import { chatSizeCheck, pickAttachment } from './attachContext';
import { changeSettings } from './conversationSettings';
import { attachImage, pickImage } from './chatImageAttach';

export interface ChatWebviewDeps {
  services: Services;
  controller: ChatController;
  tracker: EditorTracker;
  modelOptions: ModelOptions;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  // Only the webview bundle's folder: the page can load nothing else from disk.
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')] };
}

export function attachChatWebview(webview: vscode.Webview, surface: 'sidebar' | 'editor', deps: ChatWebviewDeps): vscode.Disposable {
  const { services, controller } = deps;
  const root = vscode.Uri.joinPath(services.context.extensionUri, 'dist', 'webview');
  webview.options = webviewOptions(services.context.extensionUri);
  webview.html = chatWebviewHtml({
    cspSource: webview.cspSource,
    nonce: newNonce(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'main.js')).toString(),
    styleUris: [webview.asWebviewUri(vscode.Uri.joinPath(root, 'main.css')).toString()],
    surface,
    language: vscode.env.language,
    l10n: vscode.l10n.bundle,
  });

  let ready = false;
  const post = (message: HostMessage): boolean => {
    if (!ready) return false;
    // Typed here, and checked once where it is received (the webview's schema): checking it here too cost 65 ms
    // for the model list of a 5,000-model hub, in a stretch that held up the extension host at startup.
    void webview.postMessage(message);
    return true;
  };
  const connection = controller.connect({ post });
  const notice = (message: string | undefined) => {
    if (message) post({ type: 'notice', message });
  };

  const handle = async (message: WebviewMessage): Promise<void> => {
    switch (message.type) {
      case 'ready':
        ready = true;
        post(await controller.stateFor());
        post({ type: 'defaultModel', model: services.config.current.defaultModel });
        post({ type: 'defaultSystemPrompt', systemPrompt: services.config.current.systemPrompt });
        post(await deps.modelOptions.message());
        for (const damaged of controller.damaged.take()) post(damaged);
        if (controller.takeFocusRequest()) post({ type: 'focusInput' });
        return;
      case 'send':
        if (message.text.trim() || message.context.length > 0 || message.images?.length)
          await controller.ask({ text: message.text, context: message.context, images: message.images });
        return;
      case 'stop':
        return controller.stop();
      case 'regenerate':
        return controller.regenerate();
      case 'editResend':
        return controller.editAndResend(message.turnId, message.text);
      case 'setModel':
        return controller.setModel(message.model);
      case 'setSettings':
        await changeSettings(controller, message.settings);
        return;
      case 'loadModels':
        post({ ...(await deps.modelOptions.message()), loading: true });
        await services.models.getModels({ refresh: message.refresh }).catch(() => undefined);
        post(await deps.modelOptions.message());
        return;
      case 'attach': {
        if (message.what === 'image') return pickImage(deps, post);
        const attachment =
          message.what === 'pick' ? await pickAttachment(deps) : attachmentFrom(deps.tracker, message.what, chatSizeCheck(deps));
        if (attachment === undefined) return;
        if (typeof attachment === 'string') notice(attachment);
        else post({ type: 'attachment', attachment });
        return;
      }
      case 'attachImage':
        await attachImage(deps, post, {
          id: message.id,
          name: message.name,
          mime: message.mime,
          data: Buffer.from(message.data, 'base64'),
        });
        return;
      case 'codeAction':
      case 'copyText':
      case 'openLink':
        notice(await runPageAction(message, deps.tracker));
        return;
      case 'switchConversation':
        if (!(await controller.history.switchTo(message.id)))
          notice(vscode.l10n.t('That conversation could not be opened (it may have been deleted).'));
        return;
      case 'noticeAction':
        if (!(await controller.damaged.act(message.id))) notice(vscode.l10n.t('That file is no longer known; it may have been moved.'));
        return;
      case 'command':
        await vscode.commands.executeCommand(COMMANDS[message.command]);
        return;
      case 'compare':
        await vscode.commands.executeCommand(Commands.compareModels, {
          prompt: message.text,
          context: message.context,
          ...(message.model ? { model: message.model } : {}),
        });
        return;
    }
  };

  return vscode.Disposable.from(
    connection,
    webview.onDidReceiveMessage((raw: unknown) => {
      const parsed = webviewMessageSchema.safeParse(raw);
      if (!parsed.success) {
        services.log.warn(`chat: ignored a malformed message from the webview (${describe(raw)})`);
        return;
      }
      handle(parsed.data).catch((err: unknown) => {
        services.log.error(`chat: ${parsed.data.type} failed: ${err instanceof Error ? err.message : String(err)}`);
        notice(vscode.l10n.t('Something went wrong: {0}', err instanceof Error ? err.message : String(err)));
      });
    }),
  );
}

const COMMANDS = {
  newChat: Commands.newChat,
  history: Commands.chatHistory,
  setApiKey: Commands.setApiKey,
  selectHub: Commands.selectHub,
  export: Commands.exportChat,
  openInEditor: Commands.openChatInEditor,
  topUp: Commands.topUp,
} as const;

function describe(raw: unknown): string {
  const type = raw && typeof raw === 'object' ? (raw as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? `type ${type.slice(0, 40)}` : typeof raw;
}
