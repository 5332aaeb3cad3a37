import { useCallback } from 'react';
import type { Whisper } from '../api/types.ts';
import { useDesk, useLive, useLiveEvents } from '../live/hooks.ts';

/** A chat's whispers (the chat's internal notes from a monitoring supervisor), loaded and then live. */
export function useWhispers(contactId: string): Whisper[] {
  const { api } = useDesk();
  const whispers = useLive(
    useCallback(() => api.request<Whisper[]>('GET', `/chats/${contactId}/whispers`), [api, contactId]),
    () => false,
    contactId,
  );
  useLiveEvents((event) => {
    if (event.type !== 'chat.whisper' || event.contactId !== contactId) return;
    const line = event as unknown as Whisper;
    whispers.set((current) =>
      current?.some((w) => w.id === line.id) ? current : [...(current ?? []), line],
    );
  });
  return whispers.data ?? [];
}

export function WhisperLine({ whisper }: { whisper: Whisper }) {
  return (
    <li className="chat-line whisper" data-whisper={whisper.id}>
      <span className="chat-author">Whisper from {whisper.from.name}</span>
      <span className="chat-text">{whisper.text}</span>
    </li>
  );
}

/** Under the agent's conversation: what a supervisor whispered, which the customer never sees. */
export function Whispers({ contactId }: { contactId: string }) {
  const whispers = useWhispers(contactId);
  if (whispers.length === 0) return null;
  return (
    <ol className="chat-messages chat-whispers" aria-label="Whispers from your supervisor">
      {whispers.map((w) => (
        <WhisperLine key={w.id} whisper={w} />
      ))}
    </ol>
  );
}
