import type { PublicWidget } from '@switchboard/core';
import { h } from './dom.ts';
import { ChatSession, type Transport } from './session.ts';
import { initialState, type ViewActions, type WidgetState } from './state.ts';
import { browserTimers, browserTransport, tabStore } from './transport.ts';
import { WidgetView } from './view.ts';
import { WebCall } from './web-call.ts';

/** The customer stops typing when nothing was typed for this long. */
const TYPING_IDLE_MS = 3000;
/** The widget looks again when its service opens or closes, if that is within a day. */
const RECHECK_WITHIN_MS = 24 * 60 * 60 * 1000;

async function loadConfig(transport: Transport, widgetId: string): Promise<PublicWidget | null> {
  try {
    const answer = await transport.request('GET', `/api/v1/public/widgets/${encodeURIComponent(widgetId)}`);
    if (answer.status === 200) return answer.body as PublicWidget;
    if (answer.status !== 404)
      console.warn(`Switchboard chat: the widget could not load (${answer.status}).`);
  } catch {
    console.warn('Switchboard chat: the widget could not reach its server.');
  }
  return null;
}

/**
 * The embedded widget: loads its configuration, renders into a closed shadow root on `host`, and wires the
 * view to a chat session. An unknown (or deleted) widget renders nothing.
 */
export async function mountWidget(options: { widgetId: string; base: string; host: HTMLElement }) {
  const { widgetId, host } = options;
  const transport = browserTransport(options.base);
  let config = await loadConfig(transport, widgetId);
  if (!config) return;
  const root = host.attachShadow({ mode: 'closed' });
  let state: WidgetState = initialState();
  const render = () => config && view.render(config, state);
  const set = (patch: Partial<WidgetState>) => {
    state = { ...state, ...patch };
    render();
  };
  const idleForm = { busy: false, error: null, errors: {} };
  const session = new ChatSession({
    widgetId,
    transport,
    store: tabStore(),
    timers: browserTimers,
    messages: config.messages,
    onChange: (chat) => set({ chat }),
  });
  let recheck: ReturnType<typeof setTimeout> | undefined;
  const reload = async () => {
    clearTimeout(recheck);
    config = (await loadConfig(transport, widgetId)) ?? config;
    scheduleRecheck();
    render();
  };
  const scheduleRecheck = () => {
    const next = config?.service.nextChange ? Date.parse(config.service.nextChange) - Date.now() : Number.NaN;
    if (next > 0 && next < RECHECK_WITHIN_MS) recheck = setTimeout(() => void reload(), next + 1000);
  };
  let typingIdle: ReturnType<typeof setTimeout> | undefined;
  let call: WebCall | null = null;

  const actions: ViewActions = {
    toggle: (open) => set({ open, confirm: null }),
    start: async (problemStatementId, fields) => {
      set({ form: { busy: true, error: null, errors: {} } });
      const result = await session.start(problemStatementId, fields);
      if (result.ok) set({ form: idleForm });
      else if (result.closed) {
        set({ form: idleForm });
        await reload();
      } else set({ form: { busy: false, error: result.message || null, errors: result.fields } });
    },
    refuse: (errors) => set({ form: { busy: false, error: null, errors } }),
    send: (text) => session.send(text),
    typing: (typing) => {
      clearTimeout(typingIdle);
      session.typing(typing);
      if (typing) typingIdle = setTimeout(() => session.typing(false), TYPING_IDLE_MS);
    },
    ask: (confirm) => set({ confirm }),
    confirm: async () => {
      const asked = state.confirm;
      set({ confirm: null });
      if (asked === 'end') await session.end();
      if (asked === 'transcript') {
        const text = await session.transcript();
        if (text !== null) download(root, text);
      }
    },
    rate: (rating) => void session.rate(rating, ''),
    newChat: async () => {
      session.reset();
      set({ form: idleForm, confirm: null });
      await reload();
    },
    call: async () => {
      if (state.call.phase !== 'idle') return;
      set({ call: { phase: 'placing', error: null } });
      const ended = () => {
        call = null;
        set({ call: { phase: 'idle', error: null } });
      };
      const started = await WebCall.start(transport, widgetId, view.callAudio, ended).catch(() => null);
      if (started?.ok) {
        call = started.call;
        set({ call: { phase: 'on', error: null } });
        return;
      }
      set({ call: { phase: 'idle', error: started?.message || config?.messages.systemError || null } });
      if (started?.closed) await reload();
    },
    hangUp: () => void call?.hangUp(),
    press: (key) => call?.press(key),
  };
  const view = new WidgetView(root, actions);
  session.resume();
  scheduleRecheck();
  render();
}

/** Saves the transcript as a text file, through a link that exists only for the click. */
function download(root: ShadowRoot, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = h('a', { href: url, download: 'chat-transcript.txt', hidden: true });
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
