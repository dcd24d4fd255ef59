// An exported conversation holds no key: not the stored key echoed back by a hub's error, not a key-shaped token
// or a URL password in what the hub said. (The whole session's log is checked in whole-session-key-leak.test.ts.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { enqueue, hubKey, until } from './support/hub';
import { ECHOED_PASSWORD, ECHOED_TOKEN } from './testKeys';

interface Snapshot {
  conversation: { id: string; turns: { role: string; status?: string; text: string; error?: { message: string } }[] };
  busy: boolean;
}

describe('chat export: no key in an exported conversation', function () {
  this.timeout(60_000);

  it('exports a conversation whose hub errors echoed the key, a key-shaped token and a URL password: none of them is in the file', async () => {
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
    const echoed = `Invalid token ${hubKey}; also tried ${ECHOED_TOKEN} via https://admin:${ECHOED_PASSWORD}@gateway.example.com/v1`;
    await enqueue({ kind: 'status', status: 400, message: echoed });
    await vscode.commands.executeCommand('aihub.newChat');
    await vscode.commands.executeCommand('aihub._chatAsk', { prompt: 'Hello there' });
    const snapshot = await until(
      () => vscode.commands.executeCommand<Snapshot>('aihub._chatSnapshot'),
      (s) => !s.busy && s.conversation.turns.some((t) => t.role === 'assistant' && t.status === 'error'),
      'the failed reply',
      30_000,
    );
    const error = snapshot.conversation.turns.find((t) => t.role === 'assistant')?.error?.message ?? '';
    assert.match(error, /Invalid token/, 'the hub said something about the token');
    const target = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aihub-export-')), 'chat.md'));
    const written = await vscode.commands.executeCommand<vscode.Uri>('aihub.exportChat', snapshot.conversation.id, target);
    assert.equal(written?.fsPath, target.fsPath);
    const exported = fs.readFileSync(target.fsPath, 'utf8');
    assert.match(exported, /Hello there/, 'the export holds the conversation');
    for (const secret of [hubKey, ECHOED_TOKEN, ECHOED_PASSWORD])
      assert.ok(!exported.includes(secret), `the export does not contain ${secret.slice(0, 6)}…`);
    fs.rmSync(path.dirname(target.fsPath), { recursive: true, force: true });
  });
});
