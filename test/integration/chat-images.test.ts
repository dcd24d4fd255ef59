// Images in the chat, in the real extension host against the local hub: an image is stored once beside the
// conversations by its hash, sent as an OpenAI image_url part with a data URL (the hub records it), and the
// conversation file keeps only the reference; a 50 MB image and a model without vision are refused in words.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { hubKey, hubRequests, resetHub, until } from './support/hub';

interface ImageRef {
  hash: string;
  mime: string;
  name: string;
  bytes: number;
  message?: string;
}
interface Recorded {
  path: string;
  body: { messages?: { role: string; content: unknown }[] };
}
interface Snapshot {
  conversation: { id: string; model: string; turns: { role: string; status?: string }[] };
  storageDir: string;
  busy: boolean;
}

// A valid 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function folder(): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root, 'the integration host opens a workspace folder');
  return vscode.Uri.joinPath(root, 'images');
}

async function writeFile(name: string, bytes: Uint8Array): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder(), name);
  await vscode.workspace.fs.writeFile(uri, bytes);
  return uri;
}

const attachImage = (uri: vscode.Uri) => vscode.commands.executeCommand<ImageRef>('aihub._chatAttach', { kind: 'image', path: uri.fsPath });
const snapshot = () => vscode.commands.executeCommand<Snapshot>('aihub._chatSnapshot');

describe('chat images', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.commands.executeCommand('aihub.setApiKey', hubKey);
  });
  after(async () => {
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it('stores an image by its hash and sends it as an image_url part; the conversation keeps a reference', async () => {
    await resetHub();
    await vscode.commands.executeCommand('aihub.newChat');
    const image = await attachImage(await writeFile('dot.png', PNG));
    assert.equal(image.message, undefined, image.message);
    assert.match(image.hash, /^[0-9a-f]{64}$/);
    assert.equal(image.bytes, PNG.byteLength);
    const { storageDir } = await snapshot();
    assert.deepEqual(fs.readFileSync(path.join(storageDir, 'images', `${image.hash}.png`)), PNG, 'stored beside the conversations');

    const { hash, mime, name, bytes } = image;
    await vscode.commands.executeCommand('aihub._chatAsk', { prompt: 'What is in this picture?', images: [{ hash, mime, name, bytes }] });
    const [request] = await until(
      async () => (await hubRequests<Recorded>()).filter((r) => r.path.endsWith('/chat/completions')),
      (r) => r.length === 1,
      'the chat request at the hub',
    );
    const question = request.body.messages?.at(-1);
    assert.deepEqual(question?.content, [
      { type: 'text', text: 'What is in this picture?' },
      { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG.toString('base64')}` } },
    ]);
    const done = await until(snapshot, (s) => !s.busy && s.conversation.turns.at(-1)?.status === 'done', 'the answer');
    const file = fs.readFileSync(path.join(storageDir, `${done.conversation.id}.json`), 'utf8');
    assert.ok(file.includes(image.hash) && !file.includes(PNG.toString('base64')), 'the file holds the hash, not the bytes');
  });

  it('refuses a 50 MB image with its size and the limit, before reading it', async () => {
    const big = await writeFile('huge.png', Buffer.alloc(50 * 1024 * 1024));
    assert.equal((await attachImage(big)).message, 'huge.png was not attached: it is 50.0 MB, the limit is 20.0 MB.');
  });

  it('refuses an image for a model that does not take images, saying which', async () => {
    const { conversation } = await snapshot();
    const config = vscode.workspace.getConfiguration('aihub');
    await config.update('modelLimits', { [conversation.model]: { imageInput: false } }, vscode.ConfigurationTarget.Global);
    try {
      const refused = await attachImage(await writeFile('dot2.png', PNG));
      assert.match(
        refused.message ?? '',
        new RegExp(`^${conversation.model.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} does not take images \\(your aihub\\.modelLimits\\)`),
      );
    } finally {
      await config.update('modelLimits', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
