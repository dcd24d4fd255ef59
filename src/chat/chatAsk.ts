// How the rest of the extension asks a question in the chat panel: selection commands get this small port
// (the answer streams in the panel and stays in the conversation); `aihub._chatAsk` is the same for automation.
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { imageRefSchema, type ImageRef } from '../core/chat/chatImages';
import { attachmentSchema } from '../core/chat/conversation';
import { fileOfAttachment, isAboutFile } from '../core/chat/conversationFiles';
import type { ChatAsk } from '../core/prompts/builtinPrompts';
import { Commands } from '../ids';
import type { ChatController } from './chatController';
import { lazySchema } from '../core/lazySchema';

export interface ChatPort {
  /** Shows the chat and asks there; resolves once the question is saved and its request has started. */
  ask(ask: Omit<ChatAsk, 'display'> & { display?: string; images?: ImageRef[] }): Promise<{ conversationId: string; turnId: string }>;
}

/** The argument of `aihub._chatAsk`: the question, how the transcript shows it, and attached code. */
const chatAskSchema = lazySchema(() =>
  z.object({
    prompt: z.string().check(z.minLength(1)),
    display: z.optional(z.string()),
    context: z.optional(z.array(attachmentSchema)),
    /** Images stored by `aihub._chatAttach` `{ kind: 'image' }`. */
    images: z.optional(z.array(imageRefSchema)),
  }),
);

export function chatPort(controller: ChatController, reveal: () => Thenable<unknown>): ChatPort {
  return {
    async ask(ask) {
      await reveal();
      await continueOrStartFresh(controller, ask.context?.[0]?.fileName);
      return controller.ask({ text: ask.prompt, display: ask.display, context: ask.context, images: ask.images });
    },
  };
}

export function registerChatAsk(port: ChatPort): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.chatAsk, (argument: unknown) => {
    const parsed = chatAskSchema.safeParse(argument);
    if (!parsed.success)
      throw new Error('aihub._chatAsk expects { prompt: string; display?: string; context?: {fileName, language, text}[] }');
    return port.ask(parsed.data);
  });
}

/**
 * A selection command's question goes to the open conversation only when that one is about the same file (its
 * history helps then, and the panel says it continues); otherwise a new conversation starts, so an unrelated
 * history is neither sent along nor mixed in.
 */
async function continueOrStartFresh(controller: ChatController, fileName: string | undefined): Promise<void> {
  const open = controller.current;
  if (open.turns.length === 0) return;
  if (fileName && isAboutFile(open, fileName)) {
    controller.broadcast({
      type: 'notice',
      message: vscode.l10n.t('Continuing: "{0}", which is about {1} too. New Chat starts afresh.', open.title, fileOfAttachment(fileName)),
    });
    return;
  }
  await controller.newChat();
}
