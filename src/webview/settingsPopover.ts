// This conversation's settings, in a small popover beside the model button: system prompt, temperature, max
// output tokens and reasoning effort (offered only for a model that takes it). Checked here as typed, with the
// same rules the extension applies again; Save keeps them, Esc closes without keeping, focus returns to the button.
import './styles/chatSettings.css';
import { checkChatSettings, effortSupport, TEMPERATURE_RANGE, type ChatSettings, type ModelFacts } from '../core/chat/chatSettings';
import type { ModelOption } from '../shared/chatProtocol';
import { h, icon, textButton } from './dom';
import * as l10n from '@vscode/l10n';

/** Offered in the menu: the three every reasoning API understands. */
const EFFORTS = ['low', 'medium', 'high'] as const;

export type SettingsInput = Record<'systemPrompt' | 'temperature' | 'maxTokens' | 'reasoningEffort', string>;

export class SettingsPopover {
  readonly element: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly popup: HTMLElement;
  private readonly prompt: HTMLTextAreaElement;
  private readonly temperature: HTMLInputElement;
  private readonly maxTokens: HTMLInputElement;
  private readonly maxTokensHint: HTMLElement;
  private readonly effort: HTMLSelectElement;
  private readonly effortNote: HTMLElement;
  private readonly error: HTMLElement;
  private settings: ChatSettings | undefined;
  private model = '';
  private models: ModelOption[] = [];
  private defaultPrompt = '';

  constructor(private readonly onSave: (input: SettingsInput) => void) {
    this.button = h(
      'button',
      { class: 'icon-button settings-button', type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' },
      icon('settings'),
    );
    this.prompt = h('textarea', { id: 'chat-system-prompt', class: 'settings-prompt', rows: '3' });
    this.temperature = h('input', { id: 'chat-temperature', type: 'text', inputmode: 'decimal', placeholder: l10n.t('model default') });
    this.maxTokens = h('input', { id: 'chat-max-tokens', type: 'text', inputmode: 'numeric', placeholder: l10n.t('model default') });
    this.maxTokensHint = h('span', { id: 'chat-max-tokens-hint', class: 'settings-hint muted' });
    this.maxTokens.setAttribute('aria-describedby', 'chat-max-tokens-hint');
    this.effort = h(
      'select',
      { id: 'chat-reasoning-effort', 'aria-describedby': 'chat-effort-note' },
      h('option', { value: '', text: l10n.t('Model default') }),
      ...EFFORTS.map((e) => h('option', { value: e, text: e[0].toUpperCase() + e.slice(1) })),
    );
    this.effortNote = h('div', { id: 'chat-effort-note', class: 'settings-hint muted' });
    this.error = h('div', { class: 'settings-error', role: 'alert' });
    this.error.hidden = true;
    const temperatureHint = `${TEMPERATURE_RANGE.min}–${TEMPERATURE_RANGE.max}`;
    this.popup = h(
      'div',
      { class: 'settings-popup', role: 'dialog', 'aria-label': l10n.t('Settings for this conversation'), hidden: true },
      h('div', { class: 'settings-title', text: l10n.t('This conversation') }),
      h('label', { for: 'chat-system-prompt', text: l10n.t('System prompt') }),
      this.prompt,
      h('div', { class: 'settings-row' }, h('label', { for: 'chat-temperature', text: l10n.t('Temperature') }), this.temperature),
      h('div', { class: 'settings-hint muted', text: l10n.t('{0}; lower is more focused, higher more varied', temperatureHint) }),
      h('div', { class: 'settings-row' }, h('label', { for: 'chat-max-tokens', text: l10n.t('Max output tokens') }), this.maxTokens),
      this.maxTokensHint,
      h('div', { class: 'settings-row' }, h('label', { for: 'chat-reasoning-effort', text: l10n.t('Reasoning effort') }), this.effort),
      this.effortNote,
      this.error,
      h(
        'div',
        { class: 'settings-actions' },
        textButton('discard', l10n.t('Reset to Defaults'), 'settings-reset'),
        textButton('check', l10n.t('Save'), 'settings-save', 'primary'),
      ),
    );
    this.temperature.setAttribute('aria-label', l10n.t('Temperature, {0}', temperatureHint));
    this.element = h('div', { class: 'settings-picker' }, this.button, this.popup);
    this.describeButton();

    this.button.addEventListener('click', () => (this.popup.hidden ? this.open() : this.close()));
    this.popup.addEventListener('keydown', (e) => this.onKey(e));
    this.popup.addEventListener('click', (e) => {
      const action = (e.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action;
      if (action === 'settings-save') this.save();
      else if (action === 'settings-reset') this.reset();
    });
    // The page-wide click handler must not see these buttons' actions.
    this.popup.addEventListener('click', (e) => e.stopPropagation());
    document.addEventListener('mousedown', (e) => {
      if (!this.popup.hidden && !this.element.contains(e.target as Node)) this.close(false);
    });
  }

  get isOpen(): boolean {
    return !this.popup.hidden;
  }

  /** The conversation on screen: its settings and model. */
  show(settings: ChatSettings | undefined, model: string): void {
    this.settings = settings;
    this.model = model;
    this.describeButton();
    if (this.isOpen) this.fill();
  }

  setModel(model: string): void {
    this.model = model;
    if (this.isOpen) this.describeModel();
  }

  setModels(models: ModelOption[]): void {
    this.models = models;
    if (this.isOpen) this.describeModel();
  }

  setDefaultPrompt(prompt: string): void {
    this.defaultPrompt = prompt;
    this.prompt.placeholder = prompt.trim()
      ? l10n.t('Default (aihub.systemPrompt): {0}', prompt)
      : l10n.t('None (aihub.systemPrompt is empty)');
    this.describeButton();
  }

  open(): void {
    this.fill();
    this.popup.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.prompt.focus();
  }

  close(focusButton = true): void {
    if (this.popup.hidden) return;
    this.popup.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    if (focusButton) this.button.focus();
  }

  private fill(): void {
    const s = this.settings ?? {};
    this.prompt.value = s.systemPrompt ?? '';
    this.temperature.value = s.temperature !== undefined ? String(s.temperature) : '';
    this.maxTokens.value = s.maxTokens !== undefined ? String(s.maxTokens) : '';
    this.effort.value = s.reasoningEffort && (EFFORTS as readonly string[]).includes(s.reasoningEffort) ? s.reasoningEffort : '';
    this.error.hidden = true;
    for (const input of [this.temperature, this.maxTokens, this.prompt]) input.removeAttribute('aria-invalid');
    this.describeModel();
  }

  /** What the model takes: the largest answer, and whether a reasoning effort is sent at all. */
  private describeModel(): void {
    const facts = this.facts();
    this.maxTokensHint.textContent = facts.maxOutputTokens
      ? l10n.t('1–{0} for {1}', facts.maxOutputTokens.toLocaleString('en-US'), this.model)
      : l10n.t("{0}'s largest answer is unknown", this.model);
    const support = effortSupport(facts);
    this.effort.disabled = support === 'no' || support === 'unknown';
    this.effortNote.textContent =
      support === 'yes'
        ? l10n.t('{0} takes a reasoning effort.', this.model)
        : support === 'guessed'
          ? l10n.t('{0} takes a reasoning effort, judging by its name (the hub does not say).', this.model)
          : support === 'no'
            ? l10n.t('{0} does not take a reasoning effort: none is sent.', this.model)
            : l10n.t('Whether {0} takes a reasoning effort is unknown (the hub does not list it): none is sent.', this.model);
  }

  private facts(): ModelFacts {
    const option = this.models.find((m) => m.id === this.model);
    // Not in the hub's list (or the list not here yet): nothing is known about it.
    if (!option) return {};
    return {
      capabilities: option.reasoning ? ['reasoning'] : [],
      guessed: option.reasoning === 'guessed' ? ['reasoning'] : [],
      maxOutputTokens: option.maxOutput,
    };
  }

  private input(): SettingsInput {
    return {
      systemPrompt: this.prompt.value,
      temperature: this.temperature.value,
      maxTokens: this.maxTokens.value,
      reasoningEffort: this.effort.disabled ? (this.settings?.reasoningEffort ?? '') : this.effort.value,
    };
  }

  private save(): void {
    const input = this.input();
    const check = checkChatSettings(input, this.facts());
    for (const el of [this.temperature, this.maxTokens, this.prompt]) el.removeAttribute('aria-invalid');
    if (!check.ok) {
      this.error.textContent = check.message;
      this.error.hidden = false;
      const field = { temperature: this.temperature, maxTokens: this.maxTokens, systemPrompt: this.prompt, reasoningEffort: this.effort }[
        check.field
      ];
      field.setAttribute('aria-invalid', 'true');
      field.focus();
      return;
    }
    this.onSave(input);
    this.close();
  }

  private reset(): void {
    this.onSave({ systemPrompt: '', temperature: '', maxTokens: '', reasoningEffort: '' });
    this.close();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.close();
    } else if (e.key === 'Enter' && !e.isComposing && (e.target !== this.prompt || e.ctrlKey || e.metaKey)) {
      // Enter in a one-line field saves; in the system prompt it is a new line, Ctrl/Cmd+Enter saves.
      if ((e.target as Element).closest('button')) return;
      e.preventDefault();
      this.save();
    }
  }

  /** The button says when this conversation has settings of its own, and which. */
  private describeButton(): void {
    const s = this.settings ?? {};
    const parts = [
      s.systemPrompt !== undefined ? l10n.t('own system prompt') : this.defaultPrompt.trim() ? l10n.t('default system prompt') : '',
      s.temperature !== undefined ? l10n.t('temperature {0}', s.temperature) : '',
      s.maxTokens !== undefined ? l10n.t('max {0} tokens', s.maxTokens.toLocaleString('en-US')) : '',
      s.reasoningEffort ? l10n.t('{0} reasoning effort', s.reasoningEffort) : '',
    ].filter(Boolean);
    const customized = Object.values(s).some((v) => v !== undefined);
    this.button.classList.toggle('customized', customized);
    const label = parts.length ? l10n.t('Conversation settings: {0}', parts.join(', ')) : l10n.t('Conversation settings (defaults)');
    this.button.title = label;
    this.button.setAttribute('aria-label', label);
  }
}
