// Where a chat's images are kept: beside the conversations, one file per image named by its SHA-256, so a
// conversation file holds only a reference and the same picture pasted twice is stored once.
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import * as path from 'node:path';
import { EXTENSIONS, type ImageRef } from './chatImages';

/** The image folder of the conversations in `conversationsDir`. */
export function imageStoreBeside(conversationsDir: string): ImageStore {
  return new ImageStore(path.join(conversationsDir, 'images'));
}

/** The image files beside the conversations: written once per content, read back as data URLs to send. */
export class ImageStore {
  constructor(readonly dir: string) {}

  /** Stores the bytes (once per content) and returns the reference a turn keeps. */
  async put(name: string, mime: ImageRef['mime'], data: Uint8Array): Promise<ImageRef> {
    const hash = createHash('sha256').update(data).digest('hex');
    const file = this.file(hash, mime);
    const exists = await nodeFs.stat(file).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await nodeFs.mkdir(this.dir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await nodeFs.writeFile(temporary, data);
      await nodeFs.rename(temporary, file);
    }
    return { hash, mime, name, bytes: data.byteLength };
  }

  /** The image as a data URL, or undefined when its file is gone. */
  async dataUrl(image: ImageRef): Promise<string | undefined> {
    const data = await nodeFs.readFile(this.file(image.hash, image.mime)).catch(() => undefined);
    return data ? `data:${image.mime};base64,${data.toString('base64')}` : undefined;
  }

  private file(hash: string, mime: string): string {
    return path.join(this.dir, `${hash}.${EXTENSIONS[mime]}`);
  }
}

/** The data URLs of every image in a conversation's questions, by hash; an image whose file is gone is left out. */
export async function imageUrls(
  store: ImageStore,
  conversation: { turns: readonly { role: string; images?: ImageRef[] }[] },
): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  for (const image of conversation.turns.flatMap((t) => (t.role === 'user' ? (t.images ?? []) : []))) {
    if (urls.has(image.hash)) continue;
    const url = await store.dataUrl(image);
    if (url) urls.set(image.hash, url);
  }
  return urls;
}
