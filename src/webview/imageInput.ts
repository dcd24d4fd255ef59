// Images in the composer: pasted into the input or dropped on it, checked against the cap before they are read
// (a 50 MB file is refused by its size alone), sent to the host to be stored, and shown as thumbnail chips once
// the host has them.
import { imageRefusal, type ImageRef } from '../core/chat/chatImages';
import * as l10n from '@vscode/l10n';
import { h, icon } from './dom';
import { post } from './vscodeApi';

interface Shown {
  image: ImageRef;
  /** A data URL for the thumbnail; absent when the host's answer came without one (the chip shows an icon). */
  preview?: string;
}

export const sizeLabel = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export class ComposerImages {
  readonly element = h('div', { class: 'chips image-chips', 'aria-label': l10n.t('Attached images') });
  private shown: Shown[] = [];
  /** Read and sent, waiting for the host: their thumbnails by the id they were sent with. */
  private readonly pending = new Map<string, string>();
  private next = 1;

  constructor(
    private readonly refused: (message: string) => void,
    private readonly changed: () => void,
  ) {
    this.element.hidden = true;
    this.element.addEventListener('click', (e) => {
      const remove = (e.target as Element).closest<HTMLElement>('[data-remove-image]');
      if (!remove) return;
      this.shown.splice(Number(remove.dataset.removeImage), 1);
      this.render();
      this.changed();
    });
  }

  get images(): ImageRef[] {
    return this.shown.map((s) => s.image);
  }

  /** Files from a paste or a drop: the images among them are taken; true when there was one. */
  take(files: readonly File[]): boolean {
    const images = files.filter((f) => f.type.startsWith('image/'));
    for (const file of images) this.read(file);
    return images.length > 0;
  }

  /** The host stored an image: its chip appears (with the thumbnail read here, or the one it sent). */
  attached(image: ImageRef, id: string | undefined, preview: string | undefined): void {
    const thumbnail = preview ?? (id ? this.pending.get(id) : undefined);
    if (id) this.pending.delete(id);
    if (!this.shown.some((s) => s.image.hash === image.hash)) this.shown.push({ image, preview: thumbnail });
    this.render();
    this.changed();
  }

  clear(): void {
    this.shown = [];
    this.render();
  }

  private read(file: File): void {
    const name = file.name || l10n.t('pasted image');
    const refusal = imageRefusal(name, file.type, file.size);
    if (refusal) return this.refused(refusal);
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      const id = `image-${this.next++}`;
      this.pending.set(id, url);
      post({ type: 'attachImage', id, name, mime: file.type, data: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => this.refused(l10n.t('{0} could not be read.', name));
    reader.readAsDataURL(file);
  }

  private render(): void {
    this.element.replaceChildren(
      ...this.shown.map(({ image, preview }, i) =>
        h(
          'span',
          { class: 'chip image-chip', title: `${image.name} · ${sizeLabel(image.bytes)}` },
          preview ? h('img', { class: 'thumbnail', src: preview, alt: image.name }) : icon('file-media'),
          h('span', { text: `${image.name} · ${sizeLabel(image.bytes)}` }),
          h(
            'button',
            {
              class: 'chip-remove',
              type: 'button',
              'data-remove-image': String(i),
              'aria-label': l10n.t('Remove {0}', image.name),
              title: l10n.t('Remove'),
            },
            icon('close'),
          ),
        ),
      ),
    );
    this.element.hidden = this.shown.length === 0;
  }
}
