// Images in the chat: the cap and formats, whether the model takes images, the request's content parts, the
// files kept by hash beside the conversations, and an image counted as an image in the context budget.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { imageParts, imageRefusal, MAX_IMAGE_BYTES, visionNote, visionOf } from '../../src/core/chat/chatImages';
import { ImageStore, imageUrls } from '../../src/core/chat/imageStore';
import { requestMessages } from '../../src/core/chat/requestMessages';
import type { Turn } from '../../src/core/chat/conversation';
import { estimateMessagesTokens } from '../../src/core/prompts/tokenBudget';
import { IMAGE_TOKENS } from '../../src/core/models/tokenEstimate';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe('chat images', () => {
  it('refuses an image over the cap with both sizes, and formats models do not take', () => {
    assert.equal(
      imageRefusal('photo.png', 'image/png', 50 * 1024 * 1024),
      'photo.png was not attached: it is 50.0 MB, the limit is 20.0 MB.',
    );
    assert.equal(imageRefusal('ok.jpg', 'image/jpeg', MAX_IMAGE_BYTES), undefined);
    assert.match(imageRefusal('scan.tiff', 'image/tiff', 10) ?? '', /PNG, JPEG, GIF or WebP images \(this is image\/tiff\)/);
  });

  it('decides vision from the setting, the hub or family table, and says unknown when nothing says', () => {
    assert.equal(visionOf('gpt-4o-mini', { capabilities: ['tools', 'vision'] }).sees, 'yes');
    assert.equal(visionOf('deepseek-chat', { capabilities: ['tools'] }).sees, 'no');
    assert.equal(visionOf('my-local-model', undefined).sees, 'unknown');
    assert.equal(visionOf('deepseek-chat', undefined, true).sees, 'yes', 'aihub.modelLimits imageInput wins');
    assert.equal(visionOf('gpt-4o', { capabilities: ['vision'] }, false).sees, 'no');
    assert.match(visionNote('deepseek-chat', visionOf('deepseek-chat', undefined)) ?? '', /^deepseek-chat does not take images/);
    assert.match(
      visionNote('my-local-model', visionOf('my-local-model', undefined)) ?? '',
      /is unknown .*you can send it, and the hub will answer/,
    );
  });

  it('sends a question with images as a text part and image_url parts with data URLs', () => {
    const turns: Turn[] = [
      {
        id: 'u',
        role: 'user',
        text: 'What is in this picture?',
        images: [{ hash: 'a'.repeat(64), mime: 'image/png', name: 'p.png', bytes: 11 }],
        createdAt: 0,
      },
    ];
    const url = 'data:image/png;base64,iVBORw==';
    assert.deepEqual(requestMessages(turns, new Map([['a'.repeat(64), url]])), [
      { role: 'user', content: imageParts('What is in this picture?', [url]) },
    ]);
    assert.deepEqual(imageParts('hi', [url]), [
      { type: 'text', text: 'hi' },
      { type: 'image_url', image_url: { url } },
    ]);
    assert.deepEqual(
      requestMessages(turns),
      [{ role: 'user', content: 'What is in this picture?' }],
      'a missing file sends the text alone',
    );
  });

  it('counts an image part as an image, not as the characters of its data URL', () => {
    const big = `data:image/png;base64,${'A'.repeat(1_000_000)}`;
    const tokens = estimateMessagesTokens([{ role: 'user', content: imageParts('hi', [big]) }]);
    assert.ok(tokens < IMAGE_TOKENS + 20, `${tokens} tokens`);
  });

  it('stores each image once by its hash and reads it back as a data URL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aihub-images-'));
    try {
      const store = new ImageStore(path.join(dir, 'images'));
      const a = await store.put('one.png', 'image/png', PNG);
      const b = await store.put('again.png', 'image/png', PNG);
      assert.equal(a.hash, b.hash);
      assert.equal(a.bytes, PNG.byteLength);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'images')), [`${a.hash}.png`]);
      const url = await store.dataUrl(a);
      assert.equal(url, `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`);
      const urls = await imageUrls(store, { turns: [{ role: 'user', images: [a, b] }] });
      assert.deepEqual([...urls.keys()], [a.hash]);
      fs.rmSync(path.join(dir, 'images', `${a.hash}.png`));
      assert.equal(await store.dataUrl(a), undefined, 'a deleted file is no image');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
