// The model picker: a button showing the conversation's model, opening a searchable list of the hub's models
// (a combobox: type to filter, arrows to move, Enter to choose, Esc to close). A typed id the hub does not
// list can still be used.
import type { ModelOption } from '../shared/chatProtocol';
import { h, icon } from './dom';
import * as l10n from '@vscode/l10n';

const MAX_SHOWN = 200;

export class ModelPicker {
  readonly element: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly label: HTMLElement;
  private readonly note: HTMLElement;
  private readonly popup: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly list: HTMLElement;
  private readonly status: HTMLElement;
  private models: ModelOption[] = [];
  private shown: string[] = [];
  private active = 0;
  private current = '';
  private defaultModel = '';

  constructor(
    private readonly onChoose: (model: string) => void,
    private readonly onOpen: () => void,
  ) {
    this.label = h('span', { class: 'model-label' });
    this.note = h('span', { class: 'model-note', text: l10n.t('this chat') });
    this.note.hidden = true;
    this.button = h(
      'button',
      {
        class: 'model-button',
        type: 'button',
        'aria-haspopup': 'listbox',
        'aria-expanded': 'false',
        title: l10n.t('Model for this conversation'),
      },
      icon('sparkle'),
      this.label,
      this.note,
      icon('chevron-down'),
    );
    this.search = h('input', {
      class: 'model-search',
      type: 'text',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-controls': 'model-list',
      'aria-expanded': 'true',
      'aria-label': l10n.t('Search models'),
      placeholder: l10n.t('Search models or type an id'),
    });
    this.list = h('ul', { id: 'model-list', class: 'model-list', role: 'listbox', 'aria-label': l10n.t('Models') });
    this.status = h('div', { class: 'model-status muted' });
    this.popup = h('div', { class: 'model-popup', hidden: true }, this.search, this.status, this.list);
    this.element = h('div', { class: 'model-picker' }, this.button, this.popup);
    // Shown once the extension has said which model the conversation uses: never as a blank button.
    this.element.hidden = true;

    this.button.addEventListener('click', () => (this.popup.hidden ? this.open() : this.close()));
    this.search.addEventListener('input', () => this.filter());
    this.search.addEventListener('keydown', (e) => this.onKey(e));
    this.list.addEventListener('mousedown', (e) => e.preventDefault());
    this.list.addEventListener('click', (e) => {
      const item = (e.target as Element).closest<HTMLElement>('[data-model]');
      if (item) this.choose(item.dataset.model ?? '');
    });
    document.addEventListener('mousedown', (e) => {
      if (!this.popup.hidden && !this.element.contains(e.target as Node)) this.close();
    });
  }

  get isOpen(): boolean {
    return !this.popup.hidden;
  }

  setCurrent(model: string): void {
    this.current = model;
    this.label.textContent = model || l10n.t('Choose a model');
    this.element.hidden = false;
    this.describe();
  }

  /** `aihub.defaultModel` (what the status bar shows): said on the button when this chat uses another model. */
  setDefault(model: string): void {
    this.defaultModel = model;
    this.describe();
  }

  private describe(): void {
    const differs = !!this.current && !!this.defaultModel && this.current !== this.defaultModel;
    this.note.hidden = !differs;
    this.button.title = differs
      ? l10n.t(
          'This chat uses {0}. The default model (in the status bar), for new chats and the selection commands, is {1}.',
          this.current,
          this.defaultModel,
        )
      : l10n.t('Model for this conversation: {0}', this.current || l10n.t('none'));
    const price = this.models.find((m) => m.id === this.current)?.price;
    if (this.current) this.button.title += ` · ${price ? `price ${price}` : 'price unknown'}`;
  }

  setModels(models: ModelOption[], loading: boolean, error: string | undefined): void {
    this.models = models;
    this.describe();
    this.status.textContent = loading
      ? l10n.t("Loading the hub's models…")
      : error
        ? error
        : models.length === 0
          ? l10n.t('The hub listed no models; type an id.')
          : '';
    this.status.hidden = !this.status.textContent;
    if (this.isOpen) this.filter();
  }

  open(): void {
    this.popup.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.search.value = '';
    this.onOpen();
    this.filter();
    this.search.focus();
  }

  close(focusButton = true): void {
    if (this.popup.hidden) return;
    this.popup.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    if (focusButton) this.button.focus();
  }

  private filter(): void {
    const query = this.search.value.trim().toLowerCase();
    const words = query.split(/\s+/).filter(Boolean);
    const matches = this.models
      .filter((m) => words.every((w) => `${m.id} ${m.provider ?? ''}`.toLowerCase().includes(w)))
      .slice(0, MAX_SHOWN);
    this.shown = matches.map((m) => m.id);
    const typed = this.search.value.trim();
    const offerTyped = typed && !this.models.some((m) => m.id === typed);
    this.list.replaceChildren(
      ...matches.map((m, i) =>
        h(
          'li',
          {
            id: `model-${i}`,
            role: 'option',
            'data-model': m.id,
            'aria-selected': m.id === this.current ? 'true' : 'false',
            class: m.id === this.current ? 'current' : '',
          },
          h('span', { class: 'model-id', text: m.id }),
          h('span', { class: 'model-detail muted', text: [m.provider, m.detail].filter(Boolean).join(' · ') }),
        ),
      ),
      ...(offerTyped
        ? [
            h(
              'li',
              { id: `model-${matches.length}`, role: 'option', 'data-model': typed, 'aria-selected': 'false' },
              h('span', { class: 'model-id', text: l10n.t('Use "{0}"', typed) }),
            ),
          ]
        : []),
    );
    if (offerTyped) this.shown.push(typed);
    const currentIndex = this.shown.indexOf(this.current);
    this.move(query || currentIndex < 0 ? 0 : currentIndex);
  }

  private move(index: number): void {
    const items = this.list.querySelectorAll<HTMLElement>('[role="option"]');
    if (items.length === 0) {
      this.search.removeAttribute('aria-activedescendant');
      return;
    }
    this.active = (index + items.length) % items.length;
    items.forEach((el, i) => el.classList.toggle('active', i === this.active));
    const item = items[this.active];
    this.search.setAttribute('aria-activedescendant', item.id);
    // Not scrollIntoView: in a narrow view it also scrolls the page sideways.
    if (item.offsetTop < this.list.scrollTop) this.list.scrollTop = item.offsetTop;
    else if (item.offsetTop + item.offsetHeight > this.list.scrollTop + this.list.clientHeight)
      this.list.scrollTop = item.offsetTop + item.offsetHeight - this.list.clientHeight;
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.move(this.active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const model = this.shown[this.active];
      if (model) this.choose(model);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    } else if (e.key === 'Tab') {
      this.close(false);
    }
  }

  private choose(model: string): void {
    this.close();
    if (model && model !== this.current) {
      this.setCurrent(model);
      this.onChoose(model);
    }
  }
}
