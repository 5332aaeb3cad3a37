import { LIMITS } from '@switchboard/core';
import { useCallback, useEffect, useState } from 'react';
import { withMessage } from '../agent/chat-conversation.tsx';
import { WhisperLine } from '../agent/whispers.tsx';
import type { ChatLine, Contact, MonitoredChat, Whisper } from '../api/types.ts';
import { useDesk, useLive, useLiveEvents } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';

/** The ids of the chats agents are in now, to offer "Monitor" on them in the team view. */
export function useLiveChats(): Set<string> {
  const { api } = useDesk();
  const contacts = useLive(
    () => api.request<Contact[]>('GET', '/contacts?open=true&limit=500'),
    (event) => event.type.startsWith('contact.'),
    '',
    1000,
  );
  return new Set(
    (contacts.data ?? []).filter((c) => c.channel === 'chat' && c.status === 'active').map((c) => c.id),
  );
}

/** A "Monitor" button for each live chat among an agent's contacts. */
export function MonitorButtons(props: {
  contactIds: string[];
  chats: Set<string>;
  agentName: string;
  onMonitor: (id: string) => void;
}) {
  return props.contactIds
    .filter((id) => props.chats.has(id))
    .map((id, n) => (
      <button
        key={id}
        type="button"
        onClick={() => props.onMonitor(id)}
        aria-label={`Monitor ${props.agentName}'s chat ${n + 1}`}
      >
        Monitor
      </button>
    ));
}

/**
 * Silent monitoring of one chat: the conversation live, read-only, with the whispers sent to the agent.
 * The supervisor whispers, barges in (then writes to the customer) and leaves again.
 */
export function MonitorPanel(props: { contactId: string; onClose: () => void }) {
  const { api, me } = useDesk();
  const { contactId } = props;
  const chat = useLive(
    useCallback(() => api.request<MonitoredChat>('POST', `/chats/${contactId}/monitor`), [api, contactId]),
    () => false,
    contactId,
  );
  // What the event stream brought, kept apart from the loaded chat and merged by number when shown: a message
  // that arrives while the chat loads (or reloads) is neither lost nor shown twice.
  const [live, setLive] = useState<{ messages: ChatLine[]; whispers: Whisper[] }>({
    messages: [],
    whispers: [],
  });
  const [ended, setEnded] = useState<string | null>(null);
  useLiveEvents((event) => {
    if (event.contactId !== contactId) return;
    if (event.type === 'chat.message') {
      const line = event as unknown as ChatLine;
      setLive((l) => ({ ...l, messages: withMessage(l.messages, line) }));
    } else if (event.type === 'chat.whisper') {
      const w = event as unknown as Whisper;
      setLive((l) => (l.whispers.some((x) => x.id === w.id) ? l : { ...l, whispers: [...l.whispers, w] }));
    } else if (event.type === 'chat.supervisor_left' && event.supervisorId === me.id) {
      chat.set((c) => c && { ...c, barged: false });
    } else if (event.type === 'contact.wrap_up_started' || event.type === 'contact.ended') {
      setEnded('The chat has ended.');
    } else if (event.type === 'contact.transferred' || event.type === 'contact.queued') {
      setEnded('The chat has left the agent (transferred or queued again): monitoring has stopped.');
    }
  });
  // However the panel goes (closed, another page, the tab closed), the server stops sending the chat and, if
  // barged in, shows the supervisor leaving: a keepalive request outlives the page.
  useEffect(() => {
    const leave = () => api.sendOnLeaving('DELETE', `/chats/${contactId}/monitor`);
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [api, contactId]);
  const stop = () => props.onClose();
  const data = chat.data;
  const messages = data ? live.messages.reduce(withMessage, data.messages) : [];
  const whispers = data
    ? [...data.whispers, ...live.whispers.filter((w) => !data.whispers.some((x) => x.id === w.id))]
    : [];
  const lines = [
    ...messages.map((m) => ({ at: m.at, key: `m${m.seq}`, message: m, whisper: null })),
    ...whispers.map((w) => ({ at: w.at, key: `w${w.id}`, message: null, whisper: w })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section className="monitor-panel" aria-labelledby="monitor-title">
      <h2 id="monitor-title">Monitoring {data?.customer.name ?? 'a chat'}</h2>
      <p className="muted">
        Silent: neither the customer nor the agent is told. A whisper goes to the agent alone; barging in
        shows you to the customer.
      </p>
      {!data ? <p aria-busy="true">{chat.error?.message ?? 'Loading the conversation…'}</p> : null}
      <ol className="chat-messages" aria-label="Monitored conversation" aria-live="polite">
        {lines.map((line) =>
          line.message ? (
            <li key={line.key} className={`chat-line from-${line.message.from}`} data-seq={line.message.seq}>
              <span className="chat-author">
                {line.message.from === 'agent'
                  ? (line.message.alias ?? 'Agent')
                  : (data?.customer.name ?? 'Customer')}
              </span>
              <span className="chat-text">{line.message.text}</span>
            </li>
          ) : line.whisper ? (
            <WhisperLine key={line.key} whisper={line.whisper} />
          ) : null,
        )}
      </ol>
      {ended ? <p role="status">{ended}</p> : null}
      {data && !ended ? (
        <>
          <SendBox
            label="Whisper to the agent"
            button="Whisper"
            onSend={(text) => api.request('POST', `/chats/${contactId}/whispers`, { text })}
          />
          {data.barged ? (
            <SendBox
              label="Write to the customer"
              button="Send to customer"
              onSend={(text) =>
                api.request('POST', `/chats/${contactId}/messages`, { clientId: crypto.randomUUID(), text })
              }
            />
          ) : null}
          {/* Administrators take no contacts, so they never write to customers. */}
          {me.role === 'administrator' ? null : (
            <Barge
              contactId={contactId}
              barged={data.barged}
              onChange={(barged) => chat.set((c) => c && { ...c, barged })}
            />
          )}
        </>
      ) : null}
      <button type="button" onClick={stop}>
        Stop monitoring
      </button>
    </section>
  );
}

function Barge(props: { contactId: string; barged: boolean; onChange: (barged: boolean) => void }) {
  const { api } = useDesk();
  const submission = useSubmission();
  const toggle = () =>
    submission.run(async () => {
      await api.request(props.barged ? 'DELETE' : 'POST', `/chats/${props.contactId}/barge`);
      props.onChange(!props.barged);
    });
  return (
    <p>
      <button type="button" disabled={submission.busy} onClick={toggle}>
        {props.barged ? 'Leave the chat' : 'Barge in'}
      </button>
      <FormError message={submission.error} />
    </p>
  );
}

function SendBox(props: { label: string; button: string; onSend: (text: string) => Promise<unknown> }) {
  const [text, setText] = useState('');
  const submission = useSubmission();
  const send = () =>
    submission.run(async () => {
      await props.onSend(text);
      setText('');
    });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label>
        {props.label}
        <textarea
          value={text}
          maxLength={LIMITS.chatMessage.max * 2}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" disabled={!text.trim() || submission.busy}>
        {props.button}
      </button>
      <FormError message={submission.error} />
    </form>
  );
}
