import type { PublicWidget } from '@switchboard/core';
import { h, setText, show } from './dom.ts';
import { type Screen, screenOf, type ViewActions, type WidgetState } from './state.ts';
import { applyBranding, STYLES } from './styles.ts';
import { ChatScreen } from './view-chat.ts';
import { closedScreen, FormScreen } from './view-form.ts';

/** The keys of a phone's keypad, as the call's keypad shows them. */
const KEYPAD = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

interface ShownScreen {
  kind: Screen;
  form?: FormScreen;
  chat?: ChatScreen;
}

/**
 * The widget's DOM as a function of its configuration and state: `render` may be called with any pair, as
 * often as wanted, and leaves the DOM showing exactly that. Screens are built when they first show and then
 * updated in place, so typing, focus and the live message log survive every render.
 */
export class WidgetView {
  readonly #root: ShadowRoot;
  readonly #actions: ViewActions;
  readonly #widget: HTMLElement;
  readonly #launcher: HTMLButtonElement;
  readonly #panel: HTMLElement;
  readonly #title: HTMLElement;
  readonly #minimize: HTMLButtonElement;
  readonly #banner: HTMLElement;
  readonly #body: HTMLElement;
  readonly #callButton: HTMLButtonElement;
  readonly #callBar: HTMLElement;
  readonly #callText: HTMLElement;
  readonly #hangUp: HTMLButtonElement;
  readonly #keypad: HTMLDivElement;
  readonly #callError: HTMLElement;
  /** Plays the call's audio: the music while waiting, then the agent. */
  readonly callAudio: HTMLAudioElement;
  #config: PublicWidget | null = null;
  #screen: ShownScreen | null = null;
  #open = false;
  readonly #focus: (element: HTMLElement | null | undefined) => void;

  /**
   * `preview`: the widget sits in someone else's page (the admin's form) and takes focus only from itself,
   * never because it was rendered.
   */
  constructor(root: ShadowRoot, actions: ViewActions, options: { preview?: boolean } = {}) {
    this.#root = root;
    this.#actions = actions;
    this.#focus = (element) => {
      // Nothing in a closed panel takes focus, and a preview only moves focus it already has.
      if (element !== this.#launcher && !this.#open) return;
      if (!options.preview || root.activeElement !== null) element?.focus();
    };
    this.#title = h('h2', { id: 'sb-title' });
    this.#minimize = h(
      'button',
      { type: 'button', class: 'icon', onclick: () => actions.toggle(false) },
      '–',
    );
    this.#banner = h('p', { class: 'banner', role: 'status' });
    this.#body = h('div', { class: 'body' });
    this.callAudio = h('audio', { autoplay: true });
    this.#callText = h('p', { role: 'status' });
    this.#hangUp = h('button', { type: 'button', class: 'primary', onclick: () => actions.hangUp() });
    this.#keypad = h(
      'div',
      { class: 'keypad', role: 'group' },
      ...KEYPAD.map((key) => h('button', { type: 'button', onclick: () => actions.press(key) }, key)),
    );
    this.#callBar = h(
      'div',
      { class: 'call' },
      h('div', { class: 'call-line' }, this.#callText, this.#hangUp),
      this.#keypad,
      this.callAudio,
    );
    this.#callButton = h('button', { type: 'button', class: 'call-button', onclick: () => actions.call() });
    this.#callError = h('p', { class: 'error', role: 'alert' });
    this.#panel = h(
      'section',
      { class: 'panel', id: 'sb-panel', role: 'dialog', 'aria-labelledby': 'sb-title' },
      h('div', { class: 'header' }, this.#title, this.#minimize),
      this.#banner,
      this.#callBar,
      this.#body,
      this.#callError,
      this.#callButton,
    );
    this.#launcher = h('button', {
      type: 'button',
      class: 'launcher',
      'aria-controls': 'sb-panel',
      onclick: () => actions.toggle(!this.#open),
    });
    this.#widget = h('div', { class: 'widget' }, this.#panel, this.#launcher);
    this.#widget.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !this.#open) return;
      event.stopPropagation();
      if (this.#screen?.chat && this.#panel.querySelector('.confirm:not([hidden])')) actions.ask(null);
      else actions.toggle(false);
    });
    const style = h('style', {}, STYLES);
    root.replaceChildren(style, this.#widget);
  }

  render(config: PublicWidget, state: WidgetState): void {
    if (config !== this.#config) {
      // A new configuration (the admin's preview changes it as they type): rebuild the screen with it.
      this.#config = config;
      this.#screen = null;
      applyBranding(this.#widget, config.branding);
      setText(this.#title, config.branding.titleText);
      setText(this.#launcher, config.branding.buttonText);
      setText(this.#callButton, config.calls.buttonText);
      setText(this.#callText, config.calls.onCallText);
      setText(this.#hangUp, config.calls.hangUpText);
      this.#keypad.setAttribute('aria-label', config.calls.keypadLabel);
      this.#minimize.setAttribute('aria-label', config.labels.minimize);
      this.#minimize.title = config.labels.minimize;
    }
    const kind = screenOf(config, state);
    if (this.#screen?.kind !== kind) this.#showScreen(config, kind);
    const screen = this.#screen;
    screen?.form?.update(state.form);
    screen?.chat?.update(state);

    // A call is offered beside the form; once placed, its bar shows until the customer or the center hangs up.
    show(this.#callButton, config.calls.enabled && kind === 'form' && state.call.phase === 'idle');
    show(this.#callBar, state.call.phase !== 'idle');
    this.#hangUp.disabled = state.call.phase === 'placing';
    show(this.#keypad, state.call.phase === 'on');
    setText(this.#callError, state.call.error ?? '');
    show(this.#callError, state.call.error !== null);

    const lost = state.chat.phase === 'chatting' && state.chat.status !== 'ended' && !state.chat.connected;
    setText(this.#banner, lost ? config.messages.connectivityError : '');
    show(this.#banner, lost);

    this.#launcher.setAttribute('aria-expanded', String(state.open));
    show(this.#panel, state.open);
    if (state.open !== this.#open) {
      this.#open = state.open;
      // Opening takes the customer into the panel; closing brings them back to the launcher.
      if (!state.open) this.#focus(this.#launcher);
      else this.#focus(screen?.form?.firstControl ?? screen?.chat?.firstControl ?? this.#minimize);
    }
  }

  #showScreen(config: PublicWidget, kind: Screen): void {
    const hadFocus = this.#body.contains(this.#root.activeElement);
    const screen: ShownScreen = { kind };
    if (kind === 'form') screen.form = new FormScreen(config, this.#actions, this.#focus);
    if (kind === 'chat') screen.chat = new ChatScreen(config, this.#actions, this.#focus);
    const element = screen.form?.element ?? screen.chat?.element ?? closedScreen(config);
    this.#body.replaceChildren(element);
    this.#screen = screen;
    if (hadFocus) this.#focus(screen.form?.firstControl ?? screen.chat?.firstControl ?? this.#minimize);
  }
}
