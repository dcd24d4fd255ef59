// Conversation files that cannot be read: the person is told once, in the panel, what happened; the file is
// left exactly as it is; what could be read of it (its readable turns, the journal of a streaming answer) goes
// into a new conversation; and the panel offers to open the damaged file.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { Conversation } from '../core/chat/conversation';
import type { ConversationStore, DamagedFile } from '../core/chat/conversationStore';
import { damageText, recoveredConversation } from '../core/chat/recovery';
import type { HostMessage } from '../shared/chatProtocol';

/** Files already told about (by path), so a file that stays damaged is not announced on every start. */
const TOLD_KEY = 'aihub.chat.damagedFilesTold';
const OPEN_ACTION = 'openDamagedFile';

export class DamagedConversations {
  private readonly notices: HostMessage[] = [];
  private readonly files = new Map<string, string>();

  constructor(
    private readonly store: ConversationStore,
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * Handles every damaged file not handled before; returns the conversation recovered from `currentId`'s file
   * when that one is among them (the panel opens on it instead of an empty chat).
   */
  async handle(damaged: readonly DamagedFile[], currentId: string | undefined, fallbackModel: string): Promise<Conversation | undefined> {
    const told = new Set(this.state.get<string[]>(TOLD_KEY, []));
    let current: Conversation | undefined;
    for (const file of damaged.filter((d) => !told.has(d.file))) {
      const recovered = recoveredConversation(randomUUID(), file.recovered, fallbackModel, Date.now());
      if (recovered) {
        try {
          await this.store.save(recovered);
        } catch (err) {
          this.log.error(`chat: could not save what was recovered from ${file.file}: ${String(err)}`);
          continue;
        }
      }
      if (file.id === currentId) current = recovered;
      told.add(file.file);
      this.queue(file, recovered);
    }
    await this.state.update(TOLD_KEY, [...told]);
    return current;
  }

  /** Notices not yet shown: the first panel to open shows them, and no other. */
  take(): HostMessage[] {
    return this.notices.splice(0);
  }

  /** The panel's "Open Damaged File": VS Code's own editor picks how to show it (text, or its binary warning). */
  async act(actionId: string): Promise<boolean> {
    const file = this.files.get(actionId);
    if (!file) return false;
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file));
    return true;
  }

  private queue(file: DamagedFile, recovered: Conversation | undefined): void {
    const actionId = `${OPEN_ACTION}:${this.files.size}`;
    this.files.set(actionId, file.file);
    const turns = recovered?.turns.length ?? 0;
    const outcome = recovered
      ? turns === 1
        ? vscode.l10n.t('1 message was recovered into "{0}".', recovered.title)
        : vscode.l10n.t('{0} messages were recovered into "{1}".', turns, recovered.title)
      : vscode.l10n.t('Nothing in it could be recovered.');
    this.notices.push({
      type: 'notice',
      message: vscode.l10n.t(
        'A saved conversation could not be read ({0}). The file was left as it is. {1}',
        damageText(file.damage),
        outcome,
      ),
      action: { id: actionId, label: vscode.l10n.t('Open Damaged File') },
    });
  }
}
