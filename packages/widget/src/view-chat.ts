import type { PublicWidget } from '@switchboard/core';
import { codePoints } from '@switchboard/core/text';
import { h, setText, show } from './dom.ts';
import { type LogEntry, MESSAGE_MAX_CODE_POINTS } from './session.ts';
import type { ViewActions, WidgetState } from './state.ts';

/** Shown from this many code points on, so the customer sees the limit coming. */
const COUNT_FROM = MESSAGE_MAX_CODE_POINTS - 100;

/**
 * The chat: the message log (a polite live region, appended to and never rebuilt, so a screen reader
 * announces each new line once), the agent's typing, the box the customer types in, the end and transcript
 * actions with their confirmations, and after the end the rating, its thank-you (a status region, so it is
 * announced) and a way to start again.
 */
export class ChatScreen {
  readonly element: HTMLElement;
  readonly #config: PublicWidget;
  readonly #log: HTMLOListElement;
  readonly #entries = new Map<string, HTMLLIElement>();
  readonly #typing: HTMLElement;
  readonly #queue: HTMLElement;
  readonly #compose: HTMLFormElement;
  readonly #text: HTMLTextAreaElement;
  readonly #count: HTMLElement;
  readonly #actions: HTMLElement;
  readonly #endButton: HTMLButtonElement;
  readonly #transcriptButton: HTMLButtonElement;
  readonly #confirm: HTMLElement;
  readonly #confirmText: HTMLElement;
  readonly #confirmYes: HTMLButtonElement;
  readonly #confirmNo: HTMLButtonElement;
  readonly #after: HTMLElement;
  readonly #rating: HTMLFormElement | null;
  readonly #thanks: HTMLElement;
  readonly #newChat: HTMLButtonElement;
  readonly #error: HTMLElement;
  #asked: WidgetState['confirm'] = null;
  #ended = false;
  /** Whether the chat was rated at the last update; null before the first. */
  #rated: boolean | null = null;
  readonly #focus: (element: HTMLElement) => void;

  constructor(config: PublicWidget, actions: ViewActions, focus: (element: HTMLElement) => void) {
    this.#config = config;
    this.#focus = focus;
    const { labels, messages } = config;
    this.#log = h('ol', {
      class: 'log',
      role: 'log',
      'aria-live': 'polite',
      'aria-label': config.branding.titleText,
    });
    this.#typing = h('p', { class: 'typing', 'aria-live': 'polite' });
    // Polite: a screen reader tells the new place when the customer is not busy, never interrupting.
    this.#queue = h('p', { class: 'queue', 'aria-live': 'polite', 'data-testid': 'queue-position' });
    this.#text = h('textarea', { id: 'sb-text', placeholder: messages.placeholder, rows: 2 });
    this.#count = h('p', { class: 'count', 'aria-live': 'polite' });
    const send = h('button', { type: 'submit', class: 'primary' }, labels.send);
    this.#compose = h(
      'form',
      { class: 'compose' },
      h('label', { for: 'sb-text', class: 'vh' }, messages.placeholder),
      this.#text,
      send,
    );
    const submit = () => {
      if (actions.send(this.#text.value)) {
        this.#text.value = '';
        this.#countUpdate();
      }
    };
    this.#compose.addEventListener('submit', (event) => {
      event.preventDefault();
      submit();
    });
    this.#text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    });
    this.#text.addEventListener('input', () => {
      actions.typing(this.#text.value !== '');
      this.#countUpdate();
    });

    this.#transcriptButton = h(
      'button',
      { type: 'button', class: 'secondary', onclick: () => actions.ask('transcript') },
      labels.transcript,
    );
    this.#endButton = h(
      'button',
      { type: 'button', class: 'secondary', onclick: () => actions.ask('end') },
      labels.endChat,
    );
    this.#actions = h('div', { class: 'actions' }, this.#transcriptButton, this.#endButton);
    this.#confirmText = h('p', { id: 'sb-confirm-text' });
    this.#confirmYes = h(
      'button',
      { type: 'button', class: 'primary', onclick: () => actions.confirm() },
      labels.confirm,
    );
    this.#confirmNo = h(
      'button',
      { type: 'button', class: 'secondary', onclick: () => actions.ask(null) },
      labels.cancel,
    );
    this.#confirm = h(
      'div',
      { class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'sb-confirm-text' },
      this.#confirmText,
      h('div', {}, this.#confirmYes, this.#confirmNo),
    );

    this.#rating = config.rating.enabled ? ratingForm(config, actions) : null;
    this.#newChat = h(
      'button',
      { type: 'button', class: 'secondary', onclick: () => actions.newChat() },
      labels.newChat,
    );
    // Present (and empty) from the start, so that screen readers announce the text when it appears.
    this.#thanks = h('p', { class: 'thanks', role: 'status' });
    this.#after = h('div', { class: 'after' }, this.#rating, this.#thanks, this.#newChat);
    this.#error = h('p', { class: 'error', role: 'alert' });
    this.element = h(
      'div',
      { class: 'chat' },
      this.#actions,
      this.#confirm,
      this.#queue,
      this.#log,
      this.#typing,
      this.#error,
      this.#count,
      this.#compose,
      this.#after,
    );
    this.#countUpdate();
  }

  update(state: WidgetState): void {
    const { chat } = state;
    this.#syncLog(chat.log);
    const ended = chat.status === 'ended';
    const typing = chat.agentTyping && chat.alias ? `${chat.alias}${this.#config.labels.typing}` : '';
    setText(this.#typing, typing);
    const line = chat.status === 'queued' ? chat.queue : null;
    setText(this.#queue, line ? queueText(line.position, line.expectedWaitSeconds) : '');
    show(this.#queue, line !== null);
    setText(this.#error, chat.error ?? '');
    show(this.#error, chat.error !== null);
    show(this.#compose, !ended);
    show(this.#endButton, !ended);
    show(this.#after, ended);
    if (this.#rating) show(this.#rating, !chat.rated);
    setText(this.#thanks, this.#rating && chat.rated ? this.#config.rating.thanksText : '');
    // The form the customer just sent is gone: focus moves on to starting a new chat.
    if (this.#rated === false && chat.rated) this.#focus(this.#newChat);
    this.#rated = chat.rated;
    const asked = state.confirm;
    show(this.#confirm, asked !== null);
    if (asked !== this.#asked) {
      const { messages } = this.#config;
      setText(
        this.#confirmText,
        asked === 'end' ? messages.closeConfirmation : messages.transcriptConfirmation,
      );
      // Focus goes to the safe answer; after the question, back to the button that asked it.
      if (asked !== null) this.#focus(this.#confirmNo);
      else if (this.#asked !== null) {
        this.#focus(this.#asked === 'end' && !ended ? this.#endButton : this.#transcriptButton);
      }
      this.#asked = asked;
    }
    if (ended && !this.#ended) {
      this.#ended = true;
      // The box the customer typed in is gone: focus moves to what comes next.
      this.#focus(this.#afterControl(chat.rated));
    }
  }

  /** The first control after the end: a star of the rating until it is sent, then the new chat button. */
  #afterControl(rated: boolean): HTMLElement {
    return (!rated && this.#rating?.querySelector('input')) || this.#newChat;
  }

  /** Where focus goes when the panel opens on this screen. */
  get firstControl(): HTMLElement {
    return this.#ended ? this.#afterControl(this.#rated === true) : this.#text;
  }

  #syncLog(log: LogEntry[]): void {
    const wanted = new Set(log.map((entry) => entry.key));
    for (const [key, element] of this.#entries) {
      if (!wanted.has(key)) {
        element.remove();
        this.#entries.delete(key);
      }
    }
    let added = false;
    for (const entry of log) {
      const existing = this.#entries.get(entry.key);
      const state = entry.failed ? 'failed' : entry.pending ? 'pending' : '';
      if (existing) {
        existing.className = `msg ${entry.from} ${state}`.trim();
        continue;
      }
      const item = h(
        'li',
        { class: `msg ${entry.from} ${state}`.trim() },
        entry.from === 'agent' && entry.alias ? h('span', { class: 'who' }, entry.alias) : null,
        h('p', { class: 'bubble' }, entry.text),
      );
      this.#log.append(item);
      this.#entries.set(entry.key, item);
      added = true;
    }
    if (added) this.#log.scrollTop = this.#log.scrollHeight;
  }

  #countUpdate(): void {
    const used = codePoints(this.#text.value);
    setText(this.#count, used >= COUNT_FROM ? `${used} / ${MESSAGE_MAX_CODE_POINTS}` : '');
    show(this.#count, used >= COUNT_FROM);
    this.#text.setAttribute('aria-invalid', String(used > MESSAGE_MAX_CODE_POINTS));
  }
}

/** "You are number 3 in line · expected wait about 2 min"; no estimate, no second part. */
export function queueText(position: number, expectedWaitSeconds: number | null): string {
  const place = position === 1 ? 'You are next in line' : `You are number ${position} in line`;
  if (expectedWaitSeconds === null) return place;
  const wait =
    expectedWaitSeconds < 60 ? 'less than a minute' : `about ${Math.round(expectedWaitSeconds / 60)} min`;
  return `${place} · expected wait ${wait}`;
}

function ratingForm(config: PublicWidget, actions: ViewActions): HTMLFormElement {
  const stars = [1, 2, 3, 4, 5].map((n) =>
    h(
      'label',
      {},
      h('input', { type: 'radio', name: 'sb-rating', value: n, required: true }),
      h('span', { 'aria-hidden': 'true' }, '★'),
      ` ${n}`,
    ),
  );
  const form = h(
    'form',
    { class: 'rating' },
    h('fieldset', {}, h('legend', {}, config.rating.label), h('div', { class: 'stars' }, ...stars)),
    h('button', { type: 'submit', class: 'primary' }, config.rating.buttonText),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>('input[name="sb-rating"]:checked');
    if (chosen) actions.rate(Number(chosen.value));
  });
  return form;
}
