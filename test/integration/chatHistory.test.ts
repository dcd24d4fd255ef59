// The chat history in the real extension host: the index beside the conversation files follows what is asked,
// and a conversation file written by a newer version of AI Hub opens read-only: a question asked in it starts a
// new chat, and the file stays byte for byte as it was.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { hubKey, hubUrl, until } from './support/hub';

interface Snapshot {
  conversation: { id: string; title: string; turns: { role: string; status?: string; text: string }[] };
  busy: boolean;
  storageDir: string;
}

const snapshot = () => vscode.commands.executeCommand<Snapshot>('aihub._chatSnapshot');

async function askInNewChat(prompt: string): Promise<Snapshot> {
  await vscode.commands.executeCommand('aihub.newChat');
  await until(snapshot, (s) => s.conversation.turns.length === 0, 'a new chat');
  await vscode.commands.executeCommand('aihub._chatAsk', { prompt });
  return until(
    snapshot,
    (s) => !s.busy && s.conversation.turns.length === 2 && s.conversation.turns[1].status !== 'streaming',
    'the reply to finish',
  );
}

describe('Chat history index and newer files', function () {
  this.timeout(60_000);

  before(async () => {
    assert.ok(hubUrl && hubKey, 'AIHUB_TEST_HUB_URL and AIHUB_TEST_KEY are set by the runner');
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
  });

  it('keeps an index of the conversations beside their files', async () => {
    const first = await askInNewChat('Index me: zebra crossing');
    const second = await askInNewChat('Index me too: giraffe');
    const index = path.join(second.storageDir, 'history.index');
    const read = () => {
      try {
        return JSON.parse(fs.readFileSync(index, 'utf8')) as { entries: { id: string; title: string; text: string }[] };
      } catch {
        return { entries: [] };
      }
    };
    // Written within a second of the last save.
    const written = await until(
      read,
      (i) => [first, second].every((s) => i.entries.some((e) => e.id === s.conversation.id)),
      'both conversations in the index',
    );
    const entry = written.entries.find((e) => e.id === first.conversation.id);
    assert.equal(entry?.title, first.conversation.title);
    assert.match(entry?.text ?? '', /zebra crossing/);
  });

  it("opens a newer version's conversation read-only; a question in it starts a new chat; the file is untouched", async () => {
    const { storageDir } = await snapshot();
    const future = {
      version: 3,
      id: 'from-the-future',
      title: 'Written by AI Hub 9',
      model: 'gpt-4o-mini',
      createdAt: 1,
      updatedAt: 2,
      folders: ['work'],
      turns: [{ id: 'u1', role: 'user', text: 'An old question', createdAt: 1, reactions: ['👍'] }],
    };
    const file = path.join(storageDir, 'from-the-future.json');
    const text = `${JSON.stringify(future, null, 2)}\n`;
    fs.writeFileSync(file, text);
    assert.equal(await vscode.commands.executeCommand<boolean>('aihub._chatOpen', 'from-the-future'), true);
    const opened = await snapshot();
    assert.equal(opened.conversation.id, 'from-the-future');
    assert.equal(opened.conversation.turns[0].text, 'An old question');

    // A change is refused with the reason (the panel shows it too).
    const refusal = await vscode.commands.executeCommand<string | undefined>('aihub._chatSettings', { temperature: '0.5' });
    assert.match(refusal ?? '', /written by a newer version of AI Hub \(it is in format 3/);
    await vscode.commands.executeCommand('aihub._chatAsk', { prompt: 'A new question' });
    const after = await until(snapshot, (s) => !s.busy && s.conversation.turns.length === 2, 'the question in a new chat');
    assert.notEqual(after.conversation.id, 'from-the-future');
    assert.equal(after.conversation.turns[0].text, 'A new question');
    await vscode.commands.executeCommand('aihub._chatOpen', 'from-the-future');
    assert.equal(fs.readFileSync(file, 'utf8'), text, 'byte for byte as the newer version wrote it');
  });
});
