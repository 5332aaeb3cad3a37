import type { PublicWidget } from '@switchboard/core';
import type { LogEntry } from './session.ts';
import { initialState, type ViewActions, type WidgetState } from './state.ts';
import { WidgetView } from './view.ts';

export type { WidgetState } from './state.ts';

interface Mounted {
  view: WidgetView;
  config: PublicWidget;
  state: WidgetState;
}
const mounted = new WeakMap<HTMLElement, Mounted>();

/**
 * Renders the real widget into `element` with settings that need not be saved, for the administrator's live
 * preview. Call it again with new settings or state as they change. In the preview the launcher, the
 * minimize button and the confirmations work; nothing is sent anywhere.
 *
 * @example preview(container, widgetFromForm, previewState('chat', widgetFromForm))
 */
export function preview(element: HTMLElement, config: PublicWidget, state: WidgetState): void {
  let current = mounted.get(element);
  if (!current) {
    const host = document.createElement('div');
    host.setAttribute('data-inline', '');
    element.replaceChildren(host);
    // Open, unlike on a website: the desktop is our own page, and its tests read the preview.
    const root = host.attachShadow({ mode: 'open' });
    const local = (patch: Partial<WidgetState>) => {
      const m = mounted.get(element);
      if (!m) return;
      m.state = { ...m.state, ...patch };
      m.view.render(m.config, m.state);
    };
    const actions: ViewActions = {
      toggle: (open) => local({ open, confirm: null }),
      start: () => {},
      refuse: (errors) => local({ form: { busy: false, error: null, errors } }),
      send: () => false,
      typing: () => {},
      ask: (confirm) => local({ confirm }),
      confirm: () => local({ confirm: null }),
      rate: () => {},
      newChat: () => {},
      // The preview shows the call button; it places no call.
      call: () => {},
      hangUp: () => {},
      press: () => {},
    };
    current = { view: new WidgetView(root, actions, { preview: true }), config, state };
    mounted.set(element, current);
  }
  current.config = config;
  current.state = state;
  current.view.render(config, state);
}

export type PreviewScreen = 'form' | 'chat' | 'ended' | 'closed';

/**
 * A state to preview a screen with: the form, a chat under way (sample lines in the widget's own texts), a
 * chat that ended, or the closed message (for which the configuration's service is set to closed).
 */
export function previewState(screen: PreviewScreen, config: PublicWidget): WidgetState {
  const state = { ...initialState(), open: true };
  if (screen === 'form' || screen === 'closed') return state;
  const { messages } = config;
  const alias = 'Sam';
  const line = (key: string, from: LogEntry['from'], text: string): LogEntry => ({
    key,
    from,
    alias: from === 'agent' ? alias : null,
    text,
  });
  const log = [
    line('wait', 'system', messages.wait),
    line('joined', 'system', `${messages.agentJoined.before}${alias}${messages.agentJoined.after}`),
    line('hello', 'agent', 'Hello! How can I help you today?'),
    line('question', 'customer', 'Hi, I have a question about my last invoice.'),
  ];
  const ended = screen === 'ended';
  if (ended) log.push(line('ended', 'system', messages.chatEnded));
  return {
    ...state,
    chat: {
      ...state.chat,
      phase: 'chatting',
      status: ended ? 'ended' : 'active',
      alias,
      agentTyping: !ended,
      connected: true,
      log,
    },
  };
}
