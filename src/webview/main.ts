// The chat page: renders what the extension says, sends what the user does. The extension owns the
// conversation; this page keeps only its draft and scroll position (in the webview state) across reloads.
import '@vscode/codicons/dist/codicon.css';
import './styles/chat.css';
import './styles/highlight.css';
import './l10n';
import { hostMessageSchema, type HostMessage, type WebviewMessage } from '../shared/chatProtocol';
import { Composer } from './composer';
import { h, icon, textButton } from './dom';
import { ModelPicker } from './modelPicker';
import { liveRegion, startPage } from './pageShell';
import { SettingsPopover } from './settingsPopover';
import { Transcript } from './transcript';
import { loadState, post, saveState } from './vscodeApi';
import * as l10n from '@vscode/l10n';

const BOTTOM_SLACK_PX = 40;

const saved = loadState();
const app = document.getElementById('app')!;
const live = liveRegion();
const noticeText = h('span');
const noticeAction = textButton('go-to-file', '', 'notice-action');
const notice = h(
  'div',
  { class: 'notice', role: 'status', hidden: true },
  icon('info'),
  noticeText,
  noticeAction,
  h(
    'button',
    { class: 'icon-button', type: 'button', 'aria-label': l10n.t('Dismiss'), title: l10n.t('Dismiss'), 'data-action': 'dismiss-notice' },
    icon('close'),
  ),
);
const keyBannerText = h('span');
const keyBanner = h(
  'div',
  { class: 'key-banner', hidden: true },
  icon('key'),
  h('div', { class: 'key-text' }, keyBannerText),
  textButton('key', l10n.t('Set API Key'), 'set-key', 'primary'),
);

let atBottom = saved.atBottom ?? true;
let restoringScroll = saved.scrollTop;

const transcript = new Transcript((text) => {
  live.textContent = text;
});
const picker = new ModelPicker(
  (model) => {
    transcript.setModel(model);
    settings.setModel(model);
    post({ type: 'setModel', model });
  },
  () => post({ type: 'loadModels', refresh: false }),
);
const settings = new SettingsPopover((input) => post({ type: 'setSettings', settings: input }));
let draftTimer: ReturnType<typeof setTimeout> | undefined;
const composer = new Composer(
  {
    send: (text, attachments, images) => {
      atBottom = true;
      post({ type: 'send', text, context: attachments, ...(images.length ? { images } : {}) });
    },
    refused: (message) => showNotice(message),
    stop: () => post({ type: 'stop' }),
    attach: (what) => post({ type: 'attach', what }),
    compare: (text, attachments) => post({ type: 'compare', text, context: attachments, model: transcript.model }),
    editLast: () => {
      const turnId = transcript.lastQuestionId;
      if (turnId) editQuestion(turnId, () => composer.focus());
    },
    draftChanged: (draft, attachments) => {
      if (draftTimer) clearTimeout(draftTimer);
      draftTimer = setTimeout(() => saveState({ draft, attachments }), 200);
    },
  },
  picker,
);
composer.restore(saved.draft ?? '', saved.attachments ?? []);
picker.element.after(settings.element);
app.append(transcript.element, h('div', { class: 'bottom' }, notice, keyBanner, composer.element), live);

let busy = false;
function setBusy(value: boolean): void {
  busy = value;
  composer.setBusy(value);
}

function stickToBottom(): void {
  if (restoringScroll !== undefined || transcript.isEmpty) return;
  if (atBottom) transcript.element.scrollTop = transcript.element.scrollHeight;
}

// Following the answer stops only when the user scrolls up. Measured on every scroll event instead, a reply
// that grows between a programmatic scroll and its event (a block rendered, the footer added) read as "the user
// left the bottom", and the end of the answer stayed below the fold.
let lastScrollTop = transcript.element.scrollTop;
transcript.element.addEventListener('scroll', () => {
  const el = transcript.element;
  if (el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK_PX) atBottom = true;
  else if (el.scrollTop < lastScrollTop) atBottom = false;
  lastScrollTop = el.scrollTop;
  saveState({ scrollTop: el.scrollTop, atBottom });
});
// Whatever makes the conversation taller (text, a highlighted block, usage and buttons) keeps the end in view.
// Told after layout, so reading the height costs nothing; asked after each drawn frame instead, it made the
// page lay out the whole conversation in the middle of every streaming frame (long tasks in a 500-turn chat).
new ResizeObserver(() => stickToBottom()).observe(transcript.element.querySelector('.turns') ?? transcript.element);

function showNotice(message: string, action?: { id: string; label: string }): void {
  noticeText.textContent = message;
  noticeAction.hidden = !action;
  if (action) {
    noticeAction.dataset.noticeId = action.id;
    noticeAction.querySelector('span:last-child')!.textContent = action.label;
  }
  notice.hidden = false;
}

function handle(message: HostMessage): void {
  switch (message.type) {
    case 'state': {
      const switched = message.conversation.id !== (transcript.conversationId ?? saved.conversationId);
      transcript.setHub(message.hub);
      transcript.show(message.conversation);
      picker.setCurrent(message.conversation.model);
      settings.show(message.conversation.settings, message.conversation.model);
      setBusy(message.busy);
      setKey(message.hasKey, message.hub);
      saveState({ conversationId: message.conversation.id });
      if (switched) {
        restoringScroll = undefined;
        atBottom = true;
        // A notice is about the conversation it came with ("Continuing: …"), not the next one.
        notice.hidden = true;
      }
      // A newer version's conversation says so whenever it is shown.
      if (message.readOnly) showNotice(message.readOnly);
      if (restoringScroll !== undefined) {
        transcript.element.scrollTop = restoringScroll;
        restoringScroll = undefined;
      } else stickToBottom();
      return;
    }
    case 'turnAdded':
      if (message.conversationId !== transcript.conversationId) return;
      transcript.add(message.turn);
      stickToBottom();
      return;
    case 'delta':
      if (message.conversationId === transcript.conversationId) transcript.delta(message.turnId, message.text, message.reasoning);
      return;
    case 'turnFinished':
      if (message.conversationId === transcript.conversationId) transcript.finish(message.turn);
      stickToBottom();
      return;
    case 'busy':
      setBusy(message.busy);
      return;
    case 'turnModel':
      if (message.conversationId === transcript.conversationId) transcript.setTurnModel(message.turnId, message.model, message.fallbacks);
      return;
    case 'models':
      picker.setModels(message.models, message.loading, message.error);
      settings.setModels(message.models);
      return;
    case 'modelChanged':
      if (message.conversationId !== transcript.conversationId) return;
      transcript.setModel(message.model);
      picker.setCurrent(message.model);
      settings.setModel(message.model);
      return;
    case 'settingsChanged':
      if (message.conversationId === transcript.conversationId) settings.show(message.settings, transcript.model ?? '');
      return;
    case 'defaultSystemPrompt':
      settings.setDefaultPrompt(message.systemPrompt);
      return;
    case 'keyState':
      setKey(message.hasKey, message.hub);
      transcript.setHub(message.hub);
      return;
    case 'defaultModel':
      picker.setDefault(message.model);
      return;
    case 'attachment':
      composer.addAttachment(message.attachment);
      return;
    case 'imageAttached':
      composer.images.attached(message.image, message.id, message.preview);
      return;
    case 'notice':
      showNotice(message.message, message.action);
      return;
    case 'focusInput':
      composer.focus();
      return;
  }
}

function setKey(hasKey: boolean, hub: string): void {
  keyBanner.hidden = hasKey;
  keyBannerText.textContent = l10n.t("No API key is set for {0}. Add one to start chatting; it is kept in VS Code's secret storage.", hub);
}

function act(action: string, button: HTMLElement): void {
  const turnId = button.closest<HTMLElement>('[data-turn-id]')?.dataset.turnId;
  switch (action) {
    case 'copy-reply': {
      const text = turnId ? transcript.replyText(turnId) : undefined;
      if (text) post({ type: 'copyText', text });
      flash(button, 'check');
      return;
    }
    case 'regenerate':
      atBottom = true;
      post({ type: 'regenerate' });
      return;
    case 'edit':
      if (turnId) editQuestion(turnId);
      return;
    case 'set-key':
      post({ type: 'command', command: 'setApiKey' });
      return;
    case 'new-chat':
      post({ type: 'command', command: 'newChat' });
      return;
    case 'select-hub':
      post({ type: 'command', command: 'selectHub' });
      return;
    case 'top-up':
      post({ type: 'command', command: 'topUp' });
      return;
    case 'copy-request-id': {
      const id = button.dataset.requestId;
      if (id) post({ type: 'copyText', text: id });
      flash(button, 'check');
      return;
    }
    case 'dismiss-notice':
      notice.hidden = true;
      return;
    case 'notice-action':
      if (button.dataset.noticeId) post({ type: 'noticeAction', id: button.dataset.noticeId });
      return;
  }
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && busy && !picker.isOpen && !settings.isOpen) {
    event.preventDefault();
    post({ type: 'stop' });
  } else if (event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l') {
    // Ctrl+L, New Chat (package.json's keybinding, as in Copilot Chat): answered here too, because whether VS Code's
    // focusedView names a webview view while the page inside it has focus varies between hosts.
    event.preventDefault();
    post({ type: 'command', command: 'newChat' });
  }
});

function editQuestion(turnId: string, onCancel?: () => void): void {
  transcript.editTurn(
    turnId,
    (text) => {
      atBottom = true;
      post({ type: 'editResend', turnId, text });
      composer.focus();
    },
    onCancel,
  );
}

function flash(button: HTMLElement, iconName: string): void {
  const original = Array.from(button.childNodes);
  button.replaceChildren(icon(iconName));
  setTimeout(() => button.replaceChildren(...original), 1200);
}

startPage<HostMessage, WebviewMessage>({
  name: 'chat',
  schema: hostMessageSchema,
  post,
  handle,
  act,
  codeActionSent: (message, button) => {
    if (message.action === 'copy') flash(button, 'check');
  },
});
