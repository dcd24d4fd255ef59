// The input area: attached code as removable chips, the growing text box, attach buttons, the model picker,
// and Send that turns into Stop while a reply streams.
import type { Attachment } from '../core/chat/conversation';
import { attachmentLabel } from '../core/chat/requestMessages';
import { h, icon, iconButton } from './dom';
import { ComposerImages } from './imageInput';
import type { ModelPicker } from './modelPicker';
import type { ImageRef } from '../core/chat/chatImages';
import * as l10n from '@vscode/l10n';

const MAX_INPUT_HEIGHT = 240;

export interface ComposerEvents {
  send(text: string, attachments: Attachment[], images: ImageRef[]): void;
  /** An image refused in the page (its size or format), in words. */
  refused(message: string): void;
  stop(): void;
  /** `pick`: the Attach menu (open editors, workspace files, problems, terminal selection). */
  attach(what: 'selection' | 'file' | 'pick' | 'image'): void;
  /** The draft and its attachments go to several models side by side (the draft is kept here). */
  compare(text: string, attachments: Attachment[]): void;
  draftChanged(draft: string, attachments: Attachment[]): void;
  /** Up in an empty input: the last question opens for editing, as in a terminal's history. */
  editLast(): void;
}

export class Composer {
  readonly element: HTMLElement;
  readonly input: HTMLTextAreaElement;
  private readonly chips: HTMLElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly emptyHint: HTMLElement;
  private hintTimer: ReturnType<typeof setTimeout> | undefined;
  private attachments: Attachment[] = [];
  readonly images: ComposerImages;
  private busy = false;

  constructor(
    private readonly events: ComposerEvents,
    picker: ModelPicker,
  ) {
    this.input = h('textarea', {
      class: 'input',
      rows: '1',
      'aria-label': l10n.t('Message'),
      placeholder: l10n.t('Ask anything (Enter to send, Shift+Enter for a new line)'),
    });
    this.chips = h('div', { class: 'chips composer-chips', 'aria-label': l10n.t('Attached code') });
    this.sendButton = h('button', { class: 'send-button', type: 'button' });
    const toolbar = h(
      'div',
      { class: 'composer-toolbar' },
      iconButton('list-selection', l10n.t('Attach Selection'), 'attach-selection'),
      iconButton('file-code', l10n.t('Attach Current File'), 'attach-file'),
      iconButton('mention', l10n.t('Attach… (or type #)'), 'attach-pick'),
      iconButton('file-media', l10n.t('Attach Image… (or paste or drop one)'), 'attach-image'),
      picker.element,
      iconButton('split-horizontal', l10n.t('Compare Models…'), 'compare'),
      h('span', { class: 'spacer' }),
      this.sendButton,
    );
    this.emptyHint = h('div', {
      class: 'composer-hint',
      role: 'status',
      text: l10n.t('Nothing to send: type a question, or attach code.'),
    });
    this.emptyHint.hidden = true;
    this.images = new ComposerImages(
      (message) => this.events.refused(message),
      () => this.changed(),
    );
    this.element = h(
      'div',
      { class: 'composer' },
      this.chips,
      this.images.element,
      h('div', { class: 'input-box' }, this.input, toolbar),
      this.emptyHint,
    );
    this.input.addEventListener('paste', (e) => {
      if (this.images.take(Array.from(e.clipboardData?.files ?? []))) e.preventDefault();
    });
    this.element.addEventListener('dragover', (e) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    });
    this.element.addEventListener('drop', (e) => {
      if (this.images.take(Array.from(e.dataTransfer?.files ?? []))) e.preventDefault();
    });
    this.setBusy(false);

    this.input.addEventListener('input', (e) => {
      if (this.typedMention(e)) this.events.attach('pick');
      this.autosize();
      this.changed();
      this.updateSendButton();
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        if (!this.busy) this.submit();
      } else if (e.key === 'ArrowUp' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && !this.hasContent()) {
        e.preventDefault();
        this.events.editLast();
      }
    });
    this.sendButton.addEventListener('click', () => (this.busy ? this.events.stop() : this.submit()));
    toolbar.addEventListener('click', (e) => {
      const action = (e.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action;
      if (action === 'attach-selection') this.events.attach('selection');
      else if (action === 'attach-file') this.events.attach('file');
      else if (action === 'attach-pick') this.events.attach('pick');
      else if (action === 'attach-image') this.events.attach('image');
      else if (action === 'compare') this.events.compare(this.input.value, this.attachments);
    });
    this.chips.addEventListener('click', (e) => {
      const remove = (e.target as Element).closest<HTMLElement>('[data-remove]');
      if (!remove) return;
      this.attachments.splice(Number(remove.dataset.remove), 1);
      this.renderChips();
      this.changed();
      this.input.focus();
    });
  }

  /**
   * A `#` typed at the start of a word opens the Attach menu and is taken out of the text: what is attached shows
   * as a chip, so nothing reaches the model that the user did not see there.
   */
  private typedMention(e: Event): boolean {
    if (!(e instanceof InputEvent) || e.data !== '#' || e.isComposing) return false;
    const at = this.input.selectionStart - 1;
    const value = this.input.value;
    if (value[at] !== '#' || (at > 0 && !/\s/.test(value[at - 1]))) return false;
    this.input.value = value.slice(0, at) + value.slice(at + 1);
    this.input.setSelectionRange(at, at);
    return true;
  }

  restore(draft: string, attachments: Attachment[]): void {
    this.input.value = draft;
    this.attachments = [...attachments];
    this.renderChips();
    this.autosize();
    this.updateSendButton();
  }

  addAttachment(attachment: Attachment): void {
    const same = this.attachments.findIndex((a) => a.fileName === attachment.fileName && a.text === attachment.text);
    if (same < 0) this.attachments.push(attachment);
    this.renderChips();
    this.changed();
    this.input.focus();
  }

  setBusy(busy: boolean): void {
    this.busy = busy;
    this.sendButton.replaceChildren(icon(busy ? 'debug-stop' : 'send'));
    this.sendButton.classList.toggle('stop', busy);
    this.updateSendButton();
  }

  /** Send looks and is disabled while there is nothing to send; Stop always works. */
  private updateSendButton(): void {
    const empty = !this.hasContent();
    const label = this.busy ? l10n.t('Stop (Esc)') : empty ? l10n.t('Type a question to send') : l10n.t('Send (Enter)');
    this.sendButton.title = label;
    this.sendButton.setAttribute('aria-label', label);
    this.sendButton.disabled = !this.busy && empty;
    if (!empty) this.emptyHint.hidden = true;
  }

  private hasContent(): boolean {
    return this.input.value.trim() !== '' || this.attachments.length > 0 || this.images.images.length > 0;
  }

  focus(): void {
    this.input.focus();
  }

  private submit(): void {
    const text = this.input.value;
    if (!this.hasContent()) {
      // Enter on an empty or whitespace-only input: say why nothing happened, rather than nothing.
      this.emptyHint.hidden = false;
      if (this.hintTimer) clearTimeout(this.hintTimer);
      this.hintTimer = setTimeout(() => (this.emptyHint.hidden = true), 4_000);
      return;
    }
    this.events.send(text, this.attachments, this.images.images);
    this.input.value = '';
    this.attachments = [];
    this.images.clear();
    this.renderChips();
    this.autosize();
    this.changed();
  }

  private renderChips(): void {
    this.chips.replaceChildren(
      ...this.attachments.map((a, i) =>
        h(
          'span',
          { class: 'chip', title: a.fileName },
          icon('file-code'),
          h('span', { text: attachmentLabel(a) }),
          h(
            'button',
            {
              class: 'chip-remove',
              type: 'button',
              'data-remove': String(i),
              'aria-label': l10n.t('Remove {0}', a.fileName),
              title: l10n.t('Remove'),
            },
            icon('close'),
          ),
        ),
      ),
    );
    this.chips.hidden = this.attachments.length === 0;
  }

  private autosize(): void {
    // Not laid out yet (built before it is in the page): measuring now would collapse the box.
    if (!this.input.isConnected) {
      requestAnimationFrame(() => this.autosize());
      return;
    }
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(MAX_INPUT_HEIGHT, this.input.scrollHeight)}px`;
  }

  private changed(): void {
    this.events.draftChanged(this.input.value, this.attachments);
    this.updateSendButton();
  }
}
