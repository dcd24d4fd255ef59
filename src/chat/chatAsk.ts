// How the rest of the extension asks a question in the chat panel: selection commands get this small port
// (the answer streams in the panel and stays in the conversation); `aihub._chatAsk` is the same for automation.
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { attachmentSchema } from '../core/chat/conversation';
import type { ChatAsk } from '../core/prompts/builtinPrompts';
import { Commands } from '../ids';
import type { ChatController } from './chatController';

export interface ChatPort {
  /** Shows the chat and asks there; resolves once the question is saved and its request has started. */
  ask(ask: Omit<ChatAsk, 'display'> & { display?: string }): Promise<{ conversationId: string; turnId: string }>;
}

/** The argument of `aihub._chatAsk`: the question, how the transcript shows it, and attached code. */
const chatAskSchema = z.object({
  prompt: z.string().check(z.minLength(1)),
  display: z.optional(z.string()),
  context: z.optional(z.array(attachmentSchema)),
});

export function chatPort(controller: ChatController, reveal: () => Thenable<unknown>): ChatPort {
  return {
    async ask(ask) {
      await reveal();
      return controller.ask({ text: ask.prompt, display: ask.display, context: ask.context });
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
