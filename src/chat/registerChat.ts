import * as vscode from 'vscode';
import { Commands, ContextKeys, Views } from '../ids';
import { conversationTotal } from '../core/money/replyCost';
import type { HostMessage } from '../shared/chatProtocol';
import type { Services } from '../services';
import { registerChatAttach } from './attachContext';
import { chatPort, registerChatAsk, type ChatPort } from './chatAsk';
import { ChatController } from './chatController';
import { hubHost } from '../core/hubs/hubUrl';
import { ChatPanels } from './chatPanel';
import { ChatViewProvider } from './chatViewProvider';
import { EditorTracker } from './editorActions';
import { ModelOptions } from './modelOptions';
import { changeSettings } from './conversationSettings';

/** The chat's registrations, the port through which other features ask in it, and what must still be written
 * when the extension is deactivated. */
export interface ChatRegistration extends vscode.Disposable {
  port: ChatPort;
  flush(): Promise<void>;
}

export function registerChat(services: Services): ChatRegistration {
  const store = services.conversations;
  const logSettingProblems = (problems: string[]) => problems.forEach((p) => services.log.warn(`settings: ${p}; left out`));
  logSettingProblems(services.config.current.fallbackProblems);
  const controller = new ChatController(services, store);
  const tracker = new EditorTracker();
  const modelOptions = new ModelOptions(services);
  const deps = { services, controller, tracker, modelOptions };
  const view = new ChatViewProvider(deps);
  const panels = new ChatPanels(deps);

  const focusView = () => vscode.commands.executeCommand(`${Views.chat}.focus`);
  const titles = controller.connect({
    post: (message) => {
      followTitle(message);
      return false;
    },
  });
  let hadTurns: boolean | undefined;
  const syncHasTurns = () => {
    const hasTurns = controller.current.turns.length > 0;
    if (hasTurns === hadTurns) return;
    hadTurns = hasTurns;
    void vscode.commands.executeCommand('setContext', ContextKeys.chatHasTurns, hasTurns);
  };
  void controller.ready.then(syncHasTurns);
  // The view's header: the conversation's title and what it has cost so far.
  function followTitle(message: HostMessage): void {
    syncHasTurns();
    const current = controller.current;
    const title =
      message.type === 'state'
        ? message.conversation.title
        : (message.type === 'turnAdded' || message.type === 'turnFinished') && message.conversationId === current.id
          ? current.title
          : undefined;
    if (title === undefined) return;
    const total = conversationTotal(current.turns);
    view.setDescription(current.turns.length > 0 ? (total ? `${title} · ${total}` : title) : undefined);
    panels.setTitle(title);
  }

  const port = chatPort(controller, focusView);
  const registrations = vscode.Disposable.from(
    controller,
    tracker,
    view,
    panels,
    titles,
    vscode.window.registerWebviewViewProvider(Views.chat, view),
    services.config.onDidChange((c) => {
      controller.adoptDefaultModel(c.defaultModel);
      controller.broadcast({ type: 'defaultModel', model: c.defaultModel });
      controller.broadcast({ type: 'defaultSystemPrompt', systemPrompt: c.systemPrompt });
      logSettingProblems(c.fallbackProblems);
    }),
    services.hub.onDidChangeHub(async () => {
      controller.broadcast({ type: 'keyState', hasKey: await services.hub.hasKey(), hub: hubHost(services.hub.baseUrl) });
    }),
    services.models.onDidChange(() => void modelOptions.message().then((message) => controller.broadcast(message))),
    vscode.commands.registerCommand(Commands.openChat, async () => {
      await focusView();
      controller.focusInput();
    }),
    vscode.commands.registerCommand(Commands.openChatInEditor, () => panels.open()),
    vscode.commands.registerCommand(Commands.newChat, async () => {
      await focusView();
      await controller.newChat();
      controller.focusInput();
    }),
    // The history and the export load on first use (src/lazyFeature.ts says why).
    vscode.commands.registerCommand(Commands.chatHistory, async () => (await import('./chatHistory')).showHistory(controller)),
    vscode.commands.registerCommand(Commands.exportChat, async (id?: unknown, to?: unknown) =>
      (await import('./exportConversation')).exportConversation(
        controller,
        typeof id === 'string' ? id : undefined,
        to instanceof vscode.Uri ? to : undefined,
      ),
    ),
    registerChatAsk(port),
    registerChatAttach(deps),
    vscode.commands.registerCommand(Commands.chatOpen, async (id: unknown) => {
      if (typeof id !== 'string') throw new Error('aihub._chatOpen expects a conversation id');
      await focusView();
      return controller.history.switchTo(id);
    }),
    vscode.commands.registerCommand(Commands.chatSettings, (raw: unknown) =>
      changeSettings(controller, raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}),
    ),
    vscode.commands.registerCommand(Commands.chatSnapshot, async () => {
      await controller.ready;
      return {
        conversation: controller.current,
        busy: controller.busy,
        storageDir: store.dir,
        header: conversationTotal(controller.current.turns),
      };
    }),
  );
  return Object.assign(registrations, { port, flush: () => controller.flush() });
}
