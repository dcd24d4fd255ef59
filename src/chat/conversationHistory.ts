// What the history does with saved conversations — switch to one, rename, pin, delete — beside the chat's live
// state (chatController.ts). Each goes through the controller, so the conversation on screen or an answer
// streaming into one is changed in memory, never re-read from its file and overwritten.
import * as vscode from 'vscode';
import type { Conversation } from '../core/chat/conversation';
import { Commands } from '../ids';
import type { ChatController } from './chatController';

export class ConversationHistory {
  constructor(private readonly controller: ChatController) {}

  /** Shows the conversation; false when it could not be opened (gone, or damaged with nothing to recover). */
  async switchTo(id: string): Promise<boolean> {
    const controller = this.controller;
    await controller.ready;
    if (id === controller.current.id) return true;
    const live = controller.live(id);
    if (live) {
      await controller.show(live);
      return true;
    }
    const opened = await controller.store.open(id);
    if (opened.kind === 'ok') {
      // A comparison lives in its own tab: its several answers are not one conversation to continue here.
      if (opened.conversation.kind === 'comparison')
        return (await vscode.commands.executeCommand<boolean>(Commands.openComparison, id)) ?? false;
      await controller.show(opened.conversation);
      return true;
    }
    if (opened.kind === 'damaged') {
      const recovered = await controller.damaged.handle([opened], id, controller.services.config.current.defaultModel);
      if (recovered) await controller.show(recovered);
      for (const notice of controller.damaged.take()) controller.broadcast(notice);
      return recovered !== undefined;
    }
    return false;
  }

  /** The conversation as it is now: the one in memory when it is on screen or answering, else its file. */
  async load(id: string): Promise<Conversation | undefined> {
    return this.controller.live(id) ?? this.controller.store.load(id);
  }

  async rename(id: string, title: string): Promise<void> {
    const c = await this.load(id);
    if (!c || !title.trim() || this.controller.refuseReadOnly(c)) return;
    c.title = title.trim();
    c.customTitle = true;
    await this.controller.save(c);
    await this.controller.broadcastState();
  }

  /** Pinned conversations stay at the top of the history. */
  async pin(id: string, pinned: boolean): Promise<void> {
    const c = await this.load(id);
    if (!c || !!c.pinned === pinned || this.controller.refuseReadOnly(c)) return;
    if (pinned) c.pinned = true;
    else delete c.pinned;
    await this.controller.save(c);
  }

  async delete(id: string): Promise<void> {
    await this.controller.stopAnswering(id);
    await this.controller.store.delete(id);
    if (id === this.controller.current.id) await this.controller.showBlank();
    else await this.controller.broadcastState();
  }
}
