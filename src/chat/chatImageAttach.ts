// Images into the chat: pasted or dropped in the panel (sent here as base64), or picked in a file dialog.
// Each is checked (format, size cap with the numbers, whether the conversation's model takes images), stored
// once beside the conversations by its hash, and handed back to the panel as a thumbnail chip.
import * as vscode from 'vscode';
import { IMAGE_TYPES, imageRefusal, visionNote, visionOf, type ImageRef } from '../core/chat/chatImages';
import { imageStoreBeside } from '../core/chat/imageStore';
import type { HostMessage } from '../shared/chatProtocol';
import type { ChatWebviewDeps } from './chatWebview';

const EXTENSION_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

/**
 * Checks and stores an image; posts the chip (and a note when the model may not see it) or the refusal. Resolves
 * with the stored image, or the refusal in words.
 */
export async function attachImage(
  deps: ChatWebviewDeps,
  post: (message: HostMessage) => void,
  image: { name: string; mime: string; data: Uint8Array; id?: string; preview?: boolean },
): Promise<ImageRef | string> {
  const refusal = imageRefusal(image.name, image.mime, image.data.byteLength);
  if (refusal) return refuse(post, refusal);
  const model = deps.controller.current.model;
  const facts = deps.services.models.catalog.find((m) => m.id === model);
  const vision = visionOf(model, facts, deps.services.config.current.modelLimits[model]?.imageInput);
  const note = visionNote(model, vision);
  if (vision.sees === 'no' && note) return refuse(post, note);
  const ref = await imageStoreBeside(deps.controller.store.dir).put(image.name, image.mime as ImageRef['mime'], image.data);
  post({
    type: 'imageAttached',
    image: ref,
    ...(image.id ? { id: image.id } : {}),
    ...(image.preview ? { preview: `data:${ref.mime};base64,${Buffer.from(image.data).toString('base64')}` } : {}),
  });
  if (note) post({ type: 'notice', message: note });
  return ref;
}

function refuse(post: (message: HostMessage) => void, message: string): string {
  post({ type: 'notice', message });
  return message;
}

/** Attach Image…: a file dialog for the formats models take. */
export async function pickImage(deps: ChatWebviewDeps, post: (message: HostMessage) => void): Promise<void> {
  const [uri] =
    (await vscode.window.showOpenDialog({
      canSelectMany: false,
      title: vscode.l10n.t('AI Hub: Attach an image'),
      filters: { [vscode.l10n.t('Images')]: Object.keys(EXTENSION_TYPES) },
    })) ?? [];
  if (uri) await imageFromFile(deps, post, uri);
}

/** An image file into the chat; refused by its size before it is read, so a 50 MB file is never loaded. */
export async function imageFromFile(
  deps: ChatWebviewDeps,
  post: (message: HostMessage) => void,
  uri: vscode.Uri,
): Promise<ImageRef | string> {
  const name = uri.path.split('/').pop() ?? 'image';
  const mime = EXTENSION_TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? '';
  const size = (await vscode.workspace.fs.stat(uri)).size;
  const refusal = imageRefusal(name, IMAGE_TYPES.includes(mime) ? mime : '', size);
  if (refusal) return refuse(post, refusal);
  return attachImage(deps, post, { name, mime, data: await vscode.workspace.fs.readFile(uri), preview: true });
}
