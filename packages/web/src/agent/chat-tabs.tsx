import { useNow } from '../live/hooks.ts';
import { since } from '../ui/format.ts';
import type { MyContact } from './use-desktop.ts';

export const customerNameOf = (contact: MyContact) => contact.attributes?.Name || 'Customer';

/**
 * A tab per chat in the agent's hands: the customer's name, how long the chat has run, and the messages the
 * agent has not seen yet (the count flashes). Arrow keys move between tabs, as in any tab list.
 */
export function ChatTabs(props: {
  chats: MyContact[];
  selected: string | null;
  unread: ReadonlyMap<string, number>;
  onSelect: (id: string) => void;
}) {
  const now = useNow(1000);
  const move = (from: number, step: number) => {
    const next = props.chats[(from + step + props.chats.length) % props.chats.length];
    if (!next) return;
    props.onSelect(next.id);
    document.getElementById(`chat-tab-${next.id}`)?.focus();
  };
  return (
    <div className="chat-tabs" role="tablist" aria-label="Chats">
      {props.chats.map((chat, index) => {
        const unread = props.unread.get(chat.id) ?? 0;
        const selected = chat.id === props.selected;
        return (
          <button
            key={chat.id}
            id={`chat-tab-${chat.id}`}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={`chat-panel-${chat.id}`}
            tabIndex={selected ? 0 : -1}
            className={`chat-tab${selected ? ' selected' : ''}`}
            onClick={() => props.onSelect(chat.id)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight') move(index, 1);
              if (event.key === 'ArrowLeft') move(index, -1);
            }}
          >
            <span className="chat-tab-name">{customerNameOf(chat)}</span>
            <span className="chat-tab-timer muted">
              {chat.status === 'wrap_up' ? 'Wrap-up' : since(chat.acceptedAt ?? chat.queuedAt, now)}
            </span>
            {unread > 0 ? (
              <span className="unread flash">
                {unread}
                <span className="visually-hidden"> unread</span>
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
