import { codePoints, LIMITS } from '@switchboard/core';
import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { AgentChat, ChatLine } from '../api/types.ts';
import { useDesk, useLive, useLiveEvents } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { insertAt, ResponsePicker, useResponses } from './response-picker.tsx';
import { SlashResponses, useSlashList } from './slash-responses.tsx';
import { Whispers } from './whispers.tsx';

const TYPING_SHOWN_MS = 6_000;
const TYPING_REPEAT_MS = 3_000;
const TYPING_IDLE_MS = 2_500;

const byLine = (a: ChatLine, b: ChatLine) => a.seq - b.seq;
/** Adds a message once, in its place by number (a message can arrive both live and in a reload). */
export function withMessage(lines: ChatLine[], line: ChatLine): ChatLine[] {
  return lines.some((l) => l.seq === line.seq) ? lines : [...lines, line].sort(byLine);
}

/**
 * One chat's conversation on the agent desktop: the messages (always shown as text), the customer's typing,
 * and a composer that tells the customer when the agent is typing and inserts predefined responses where the
 * caret is. `canWrite` once the agent has accepted
 * and until the chat ends; `focusComposer` puts the caret in the reply box as soon as it shows.
 */
export function ChatConversation(props: {
  contactId: string;
  customerName: string;
  canWrite: boolean;
  focusComposer?: boolean;
  onComposerFocused?: () => void;
}) {
  const { api } = useDesk();
  const { contactId } = props;
  const chat = useLive(
    useCallback(() => api.request<AgentChat>('GET', `/chats/${contactId}`), [api, contactId]),
    () => false,
    contactId,
  );
  const [typingUntil, setTypingUntil] = useState(0);
  const [, rerender] = useState(0);
  useLiveEvents((event) => {
    if (event.contactId !== contactId) return;
    if (event.type === 'chat.message') {
      const line = event as unknown as ChatLine;
      chat.set((current) => current && { ...current, messages: withMessage(current.messages, line) });
      if (line.from === 'customer') setTypingUntil(0);
    } else if (event.type === 'chat.typing') {
      setTypingUntil(event.typing ? Date.now() + TYPING_SHOWN_MS : 0);
    }
  });
  useEffect(() => {
    if (typingUntil === 0) return;
    const timer = setTimeout(() => rerender((n) => n + 1), Math.max(0, typingUntil - Date.now()) + 10);
    return () => clearTimeout(timer);
  }, [typingUntil]);

  const list = useRef<HTMLOListElement>(null);
  const count = chat.data?.messages.length ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when a message is added
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [count]);

  if (!chat.data) return <p aria-busy="true">{chat.error?.message ?? 'Loading the conversation…'}</p>;
  const typing = typingUntil > Date.now();
  return (
    <div className="chat-conversation">
      <ol className="chat-messages" ref={list} aria-live="polite" aria-label="Conversation">
        {chat.data.messages.map((line) => (
          <li key={line.seq} className={`chat-line from-${line.from}`} data-seq={line.seq}>
            <span className="chat-author">
              {line.from === 'agent' ? (line.alias ?? 'You') : props.customerName}
            </span>
            <span className="chat-text">{line.text}</span>
            <time className="muted" dateTime={line.at}>
              {new Date(line.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
            </time>
          </li>
        ))}
      </ol>
      <Whispers contactId={contactId} />
      <p className="chat-typing muted" aria-live="polite">
        {typing ? `${props.customerName} is typing…` : '\u00a0'}
      </p>
      {props.canWrite ? (
        <Composer
          contactId={contactId}
          focus={props.focusComposer ?? false}
          onFocused={props.onComposerFocused}
          onSent={(line) =>
            chat.set((current) => current && { ...current, messages: withMessage(current.messages, line) })
          }
        />
      ) : null}
    </div>
  );
}

function Composer(props: {
  contactId: string;
  focus: boolean;
  onFocused: (() => void) | undefined;
  onSent: (line: ChatLine) => void;
}) {
  const { api } = useDesk();
  const [text, setText] = useState('');
  /** Where the caret is in the box, for the `/` shortcut. */
  const [caretAt, setCaretAt] = useState(0);
  const responses = useResponses(props.contactId);
  const submission = useSubmission();
  const typing = useRef({ sentAt: 0, idle: null as ReturnType<typeof setTimeout> | null });
  const box = useRef<HTMLTextAreaElement>(null);
  /** Where the caret goes once an inserted response is on screen. */
  const caret = useRef<number | null>(null);
  const { focus, onFocused } = props;
  useEffect(() => {
    if (!focus) return;
    // The Accept button the agent pressed is gone, so focus fell to the page: it goes on to the reply box,
    // unless the agent has meanwhile moved it somewhere themselves.
    const active = document.activeElement;
    if (!active || active === document.body) box.current?.focus();
    onFocused?.();
  }, [focus, onFocused]);
  useLayoutEffect(() => {
    if (caret.current === null || !box.current) return;
    box.current.focus();
    box.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });
  const tellTyping = (value: boolean) => {
    void api.request('POST', `/chats/${props.contactId}/typing`, { typing: value }).catch(() => {});
  };
  const onInput = (value: string) => {
    setText(value);
    const state = typing.current;
    if (Date.now() - state.sentAt > TYPING_REPEAT_MS) {
      state.sentAt = Date.now();
      tellTyping(true);
    }
    if (state.idle) clearTimeout(state.idle);
    state.idle = setTimeout(() => {
      state.sentAt = 0;
      tellTyping(false);
    }, TYPING_IDLE_MS);
  };
  const send = async () => {
    if (!text.trim()) return;
    const body = { clientId: crypto.randomUUID(), text };
    let sent: ChatLine | undefined;
    const ok = await submission.run(async () => {
      sent = await api.request<ChatLine>('POST', `/chats/${props.contactId}/messages`, body);
    });
    if (!ok || !sent) return;
    props.onSent(sent);
    setText('');
    const state = typing.current;
    if (state.idle) clearTimeout(state.idle);
    state.sentAt = 0;
    box.current?.focus();
  };
  /** A predefined response goes in place of the selection (a blurred box keeps it), or at the end. */
  const insert = (body: string) => {
    const field = box.current;
    const inserted = insertAt(
      text,
      body,
      field?.selectionStart ?? text.length,
      field?.selectionEnd ?? text.length,
    );
    caret.current = inserted.caret;
    onInput(inserted.text);
  };
  const slash = useSlashList(responses, text, caretAt, (response, query) => {
    const inserted = insertAt(text, response.body, query.start, query.start + 1 + query.query.length);
    caret.current = inserted.caret;
    setCaretAt(inserted.caret);
    onInput(inserted.text);
  });
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (slash.onKeyDown(event)) return;
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void send();
    }
  };
  const used = codePoints(text);
  return (
    <form
      className="chat-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <FormError message={submission.error} />
      <label className="visually-hidden" htmlFor={`composer-${props.contactId}`}>
        Message to the customer
      </label>
      <textarea
        id={`composer-${props.contactId}`}
        ref={box}
        value={text}
        rows={3}
        onChange={(event) => {
          setCaretAt(event.target.selectionStart);
          onInput(event.target.value);
        }}
        onSelect={(event) => setCaretAt(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        aria-controls={slash.open ? slash.listId : undefined}
        aria-activedescendant={
          slash.open && slash.matches.length > 0 ? slash.optionId(slash.active) : undefined
        }
        aria-invalid={used > LIMITS.chatMessage.max}
        data-composer={props.contactId}
        placeholder="Write a message — Enter sends, Shift+Enter starts a new line, / finds a response"
      />
      <SlashResponses list={slash} />
      <div className="row">
        <ResponsePicker responses={responses} onInsert={insert} />
        <span className={used > LIMITS.chatMessage.max ? 'field-error' : 'muted'}>
          {used} / {LIMITS.chatMessage.max}
        </span>
        <button type="submit" className="primary" disabled={submission.busy || !text.trim()}>
          Send
        </button>
      </div>
    </form>
  );
}
