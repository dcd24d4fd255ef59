// Until the first token, a slow hub looks like a hang: after a second a reply says what it waits for, and for
// how long, until its first words (or its end) arrive.
import { h } from './dom';
import * as l10n from '@vscode/l10n';

/** How long the first token may take before the reply says what it is waiting for. */
const WAITING_AFTER_MS = 1_000;

export class WaitingNotes {
  private readonly timers = new Map<string, { timer: ReturnType<typeof setInterval>; note: HTMLElement }>();

  /** `hub` is asked at every tick: a name that arrives later is used. */
  constructor(private readonly hub: () => string) {}

  start(turnId: string, startedAt: number, element: HTMLElement): void {
    const text = h('span');
    const note = h('div', { class: 'waiting', role: 'status' }, text);
    element.append(note);
    const tick = () => {
      const elapsed = Date.now() - startedAt;
      note.hidden = elapsed < WAITING_AFTER_MS;
      text.textContent = l10n.t('Waiting for {0}… {1} s', this.hub() || l10n.t('the hub'), Math.max(1, Math.floor(elapsed / 1000)));
    };
    tick();
    this.timers.set(turnId, { timer: setInterval(tick, 250), note });
  }

  stop(turnId: string): void {
    const waiting = this.timers.get(turnId);
    if (!waiting) return;
    clearInterval(waiting.timer);
    waiting.note.remove();
    this.timers.delete(turnId);
  }

  clear(): void {
    for (const id of [...this.timers.keys()]) this.stop(id);
  }
}
