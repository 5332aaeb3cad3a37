import type { PublicWidget } from '@switchboard/core';
import type { ChatFields, SessionState } from './session.ts';

/** Everything the view shows, besides the widget's configuration. */
export interface WidgetState {
  /** Whether the panel is open (the launcher is always there). */
  open: boolean;
  form: {
    busy: boolean;
    /** A message for the form as a whole, e.g. the server's refusal. */
    error: string | null;
    /** Field → message: 'name', 'email', 'phone', 'problemStatementId', 'custom:<label>'. */
    errors: Record<string, string>;
  };
  chat: SessionState;
  /** A question the customer must answer before the action happens. */
  confirm: 'end' | 'transcript' | null;
  /** A call from the page: being placed, or on (music while waiting, then the agent). */
  call: { phase: 'idle' | 'placing' | 'on'; error: string | null };
}

export type Screen = 'closed' | 'form' | 'chat';

/** Which screen the panel shows: the chat once there is one, else the form while the widget is open. */
export function screenOf(config: PublicWidget, state: WidgetState): Screen {
  if (state.chat.phase === 'chatting') return 'chat';
  return config.service.open ? 'form' : 'closed';
}

/** What the view asks for when the customer acts; the embedded widget and the preview each answer. */
export interface ViewActions {
  toggle(open: boolean): void;
  start(problemStatementId: string, fields: ChatFields): void;
  /** The form found these fields wanting before sending anything. */
  refuse(errors: Record<string, string>): void;
  /** false: the text was not accepted (empty or too long) and stays in the box. */
  send(text: string): boolean;
  typing(typing: boolean): void;
  ask(confirm: WidgetState['confirm']): void;
  confirm(): void;
  rate(rating: number): void;
  newChat(): void;
  /** Calls the center from the page (when the widget offers calls). */
  call(): void;
  hangUp(): void;
  /** A key of the call's keypad (a call flow's menu), sent as a telephone event. */
  press(key: string): void;
}

export const initialState = (): WidgetState => ({
  open: false,
  form: { busy: false, error: null, errors: {} },
  chat: {
    phase: 'idle',
    status: null,
    alias: null,
    agentTyping: false,
    queue: null,
    connected: false,
    log: [],
    rated: false,
    error: null,
  },
  confirm: null,
  call: { phase: 'idle', error: null },
});
