import { useCallback } from 'react';
import type { AgentChat } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { clock } from '../ui/format.ts';

/**
 * A finished or earlier chat, read-only: loaded when opened. `via` is the contact in hand whose customer
 * had this chat, which lets the agent read another agent's chat with them.
 */
export function Transcript(props: { contactId: string; via?: string }) {
  const { api } = useDesk();
  const { contactId, via } = props;
  const chat = useLive(
    useCallback(
      () => api.request<AgentChat>('GET', `/chats/${contactId}${via ? `?via=${via}` : ''}`),
      [api, contactId, via],
    ),
    () => false,
    `${contactId}:${via ?? ''}`,
  );
  if (!chat.data) return <p aria-busy="true">{chat.error?.message ?? 'Loading the transcript…'}</p>;
  const customer = chat.data.customer.name ?? 'Customer';
  if (chat.data.messages.length === 0) return <p className="muted">No messages.</p>;
  return (
    <ol className="chat-messages transcript" aria-label="Transcript">
      {chat.data.messages.map((line) => (
        <li key={line.seq} className={`chat-line from-${line.from}`}>
          <span className="chat-author">{line.from === 'agent' ? (line.alias ?? 'Agent') : customer}</span>
          <span className="chat-text">{line.text}</span>
          <time className="muted" dateTime={line.at}>
            {clock(line.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}
