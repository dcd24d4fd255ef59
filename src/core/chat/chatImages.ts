// Images in the chat: which ones may be sent (the formats vision models take, under a size cap), whether the
// conversation's model sees images at all, and how a question with images is sent (OpenAI content parts). Pure:
// the webview checks an image's size with the same function before reading it; imageStore.ts keeps the files.
import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import type { ContentPart } from '../hub/types';
import { familyVision } from '../models/metadata';
import { lazySchema } from '../lazySchema';

/** OpenAI's limit for one image in a request is 20 MB; larger ones would be refused by the hub after the upload. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };
export const IMAGE_TYPES = Object.keys(EXTENSIONS);

export const imageRefSchema = lazySchema(() =>
  z.object({
    /** SHA-256 of the bytes, hex: the file's name in the image folder. */
    hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    mime: z.enum(['image/png', 'image/jpeg', 'image/gif', 'image/webp']),
    name: z.string().check(z.maxLength(300)),
    bytes: z.number(),
  }),
);
export type ImageRef = z.infer<typeof imageRefSchema>;

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** Why an image cannot be attached (its format, its size with the numbers), or undefined when it can. */
export function imageRefusal(name: string, mime: string, bytes: number): string | undefined {
  if (!EXTENSIONS[mime])
    return mime
      ? l10n.t('{0} was not attached: models take PNG, JPEG, GIF or WebP images (this is {1}).', name, mime)
      : l10n.t('{0} was not attached: models take PNG, JPEG, GIF or WebP images (this is of an unknown type).', name);
  if (bytes > MAX_IMAGE_BYTES)
    return l10n.t('{0} was not attached: it is {1} MB, the limit is {2} MB.', name, mb(bytes), mb(MAX_IMAGE_BYTES));
  return undefined;
}

export type Vision = { sees: 'yes' | 'no' | 'unknown'; why: string };

/**
 * Whether a model takes images: your `aihub.modelLimits` `imageInput`, else what the hub's metadata says (or the
 * family table guesses for its list), else the family table alone; unknown when nothing says.
 */
export function visionOf(model: string, facts: { capabilities: readonly string[] } | undefined, override?: boolean): Vision {
  if (override !== undefined) return { sees: override ? 'yes' : 'no', why: l10n.t('your aihub.modelLimits') };
  if (facts?.capabilities.includes('vision')) return { sees: 'yes', why: l10n.t('from the hub or typical for this family') };
  const family = familyVision(model);
  if (family === false) return { sees: 'no', why: l10n.t('typical for this family; set imageInput in aihub.modelLimits if it does') };
  return { sees: 'unknown', why: l10n.t('the hub does not say') };
}

/** The words shown for a model that does not (or may not) take images. */
export function visionNote(model: string, vision: Vision): string | undefined {
  if (vision.sees === 'no') return l10n.t('{0} does not take images ({1}): pick a model with vision to send this one.', model, vision.why);
  if (vision.sees === 'unknown')
    return l10n.t('Whether {0} takes images is unknown ({1}): you can send it, and the hub will answer.', model, vision.why);
  return undefined;
}

/** The request's content for a question with images: its text, then each image as a data URL. */
export function imageParts(text: string, urls: readonly string[]): ContentPart[] {
  return [...(text ? [{ type: 'text' as const, text }] : []), ...urls.map((url) => ({ type: 'image_url' as const, image_url: { url } }))];
}
