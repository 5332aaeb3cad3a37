import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgentLive, Contact, Csq, ItemOf, LiveEvent, ReasonCode } from '../api/types.ts';
import { useDesk, useLive, useLiveEvents } from '../live/hooks.ts';
import { alertInBackground, askForNotifications, notificationsAllowed } from './alerts.ts';
import { ChatConversation } from './chat-conversation.tsx';
import { ChatTabs, customerNameOf } from './chat-tabs.tsx';
import { ContactCard } from './contact-card.tsx';
import { ContactContext } from './contact-context.tsx';
import { InvitationCard, isInvitedHere } from './group-chat.tsx';
import { RecentContacts } from './recent-contacts.tsx';
import { trigger, useShortcuts } from './shortcuts.ts';
import { StateControl } from './state-control.tsx';
import { TeamMessageBanner } from './team-message-banner.tsx';

/** A contact the ACD gave this agent, with the no-answer deadline of an offer (epoch ms) when known. */
export interface MyContact extends Contact {
  deadline: number | null;
}

interface Desktop {
  agent: AgentLive;
  contacts: MyContact[];
}

/** Events that change this agent's desktop: their own, and what happens in a group chat they invited to or own. */
const concernsMe = (myId: string) => (event: LiveEvent) =>
  event.agentId === myId || event.inviterId === myId || event.ownerId === myId;

export function AgentDesktop() {
  const { api, me } = useDesk();
  const reasons = useLive(() => api.request<ReasonCode[]>('GET', '/reason-codes'));
  const csqs = useLive(() => api.request<Csq[]>('GET', '/csqs'));
  const deadlines = useRef(new Map<string, number | null>());
  const load = useCallback(async (): Promise<Desktop> => {
    const offerDeadline = async (id: string) => {
      const events = await api.request<ItemOf<'/contacts/{id}/events'>[]>('GET', `/contacts/${id}/events`);
      const data = events.findLast((e) => e.type === 'contact.offered')?.data;
      // The API documents an event's data as any JSON: the offer's deadline is read only when it is a number.
      const deadline = data && typeof data === 'object' && 'deadline' in data ? data.deadline : null;
      return typeof deadline === 'number' ? deadline : null;
    };
    const agent = await api.request<AgentLive>('GET', `/agents/${me.id}`);
    const contacts = await Promise.all(
      agent.contacts.map(async (id) => {
        const contact = await api.request<Contact>('GET', `/contacts/${id}`);
        if (contact.status === 'offered' && !deadlines.current.has(id))
          deadlines.current.set(id, await offerDeadline(id));
        return { ...contact, deadline: deadlines.current.get(id) ?? null };
      }),
    );
    return { agent, contacts: contacts.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)) };
  }, [api, me.id]);
  const desktop = useLive(load, concernsMe(me.id), me.id, 50);

  const [selected, setSelected] = useState<string | null>(null);
  const [unread, setUnread] = useState<ReadonlyMap<string, number>>(new Map());
  const select = (id: string) => {
    setSelected(id);
    setUnread((counts) => new Map([...counts].filter(([key]) => key !== id)));
  };
  useLiveEvents((event) => {
    if (event.type === 'chat.message' && event.from === 'customer' && event.contactId) {
      const id = event.contactId;
      if (id !== selected || document.hidden)
        setUnread((counts) => new Map(counts).set(id, (counts.get(id) ?? 0) + 1));
      alertInBackground('New chat message', 'A customer wrote to you in Switchboard.');
    }
    if (event.type === 'contact.invited' && event.agentId === me.id)
      alertInBackground('Invitation to a chat', 'A colleague asks you to join a chat in Switchboard.');
    if (event.type !== 'contact.offered' || event.agentId !== me.id || !event.contactId) return;
    deadlines.current.set(event.contactId, typeof event.deadline === 'number' ? event.deadline : null);
    alertInBackground('New contact offered', 'A customer is waiting for you in Switchboard.');
  });
  useEffect(() => {
    const seen = () => {
      if (!document.hidden && selected) select(selected);
    };
    document.addEventListener('visibilitychange', seen);
    return () => document.removeEventListener('visibilitychange', seen);
  });

  const [notify, setNotify] = useState(notificationsAllowed());
  /** The chat just accepted, whose reply box takes the focus once it is on screen. */
  const [composerToFocus, setComposerToFocus] = useState<string | null>(null);
  const offers = desktop.data?.contacts.filter((c) => c.status === 'offered') ?? [];
  const accept = async (id: string) => {
    const accepted = await api.request<Contact>('POST', `/contacts/${id}/accept`);
    // Accepting a chat brings its tab to the front, ready to reply.
    if (accepted.channel === 'chat') {
      select(id);
      setComposerToFocus(id);
    }
    desktop.reload();
  };
  useShortcuts({
    'Alt+r': () => trigger('ready-digital', 'click'),
    'Alt+n': () => trigger('not-ready-reason', 'focus'),
    'Alt+w': () => trigger('wrap-up', 'focus'),
    'Alt+a': () => {
      const first = offers[0];
      if (first) void accept(first.id);
    },
  });
  const unseen = [...unread.values()].reduce((sum, n) => sum + n, 0);
  const invited = desktop.data?.contacts.filter((c) => isInvitedHere(c, me.id)).length ?? 0;
  useEffect(() => {
    const parts = [
      offers.length > 0 ? `(${offers.length}) Offer` : '',
      invited > 0 ? `(${invited}) Invitation` : '',
      unseen > 0 ? `${unseen} unread` : '',
    ];
    const prefix = parts.filter(Boolean).join(' · ');
    document.title = prefix ? `${prefix} — Switchboard` : 'Switchboard';
  }, [offers.length, invited, unseen]);

  if (!desktop.data) return <p aria-busy="true">{desktop.error?.message ?? 'Loading…'}</p>;
  const csqName = (id: string) => csqs.data?.find((q) => q.id === id)?.name ?? '';
  const isChatInHand = (c: MyContact) =>
    c.channel === 'chat' && (c.status === 'active' || c.status === 'wrap_up') && !isInvitedHere(c, me.id);
  const chats = desktop.data.contacts.filter(isChatInHand);
  const invitations = desktop.data.contacts.filter((c) => isInvitedHere(c, me.id));
  const others = desktop.data.contacts.filter((c) => !isChatInHand(c) && !isInvitedHere(c, me.id));
  const current = chats.find((c) => c.id === selected) ?? chats[0];
  const card = (contact: MyContact) => (
    <ContactCard
      contact={contact}
      csqName={csqName(contact.csqId)}
      reasons={reasons.data ?? []}
      onAccept={() => accept(contact.id)}
      onChanged={desktop.reload}
    />
  );
  return (
    <div className="agent-desktop">
      <TeamMessageBanner />
      <div className="states">
        {(['voice', 'digital'] as const).map((domain) => (
          <StateControl
            key={domain}
            domain={domain}
            agent={desktop.data?.agent as AgentLive}
            reasons={reasons.data ?? []}
            onChanged={(agent) => desktop.set((current) => current && { ...current, agent })}
          />
        ))}
      </div>
      {!notify && typeof Notification !== 'undefined' ? (
        <p className="hint">
          <button type="button" onClick={async () => setNotify(await askForNotifications())}>
            Turn on notifications
          </button>{' '}
          to hear about offers while Switchboard is in the background.
        </p>
      ) : null}
      <section aria-labelledby="my-contacts" className="contacts">
        <h2 id="my-contacts">
          My contacts <span className="count">{desktop.data.contacts.length}</span>
        </h2>
        {desktop.data.contacts.length === 0 ? (
          <p className="muted">No contacts. Go Ready to receive them.</p>
        ) : null}
        {invitations.length > 0 ? (
          <ul className="contact-list">
            {invitations.map((contact) => (
              <li key={contact.id}>
                <InvitationCard
                  contact={contact}
                  onAnswered={(joined) => {
                    if (joined) select(contact.id);
                    desktop.reload();
                  }}
                />
              </li>
            ))}
          </ul>
        ) : null}
        {others.length > 0 ? (
          <ul className="contact-list">
            {others.map((contact) => (
              <li key={contact.id}>
                {card(contact)}
                {contact.status === 'active' || contact.status === 'wrap_up' ? (
                  <ContactContext contactId={contact.id} canWrite />
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {current ? (
          <div className="chat-workspace">
            <ChatTabs chats={chats} selected={current.id} unread={unread} onSelect={select} />
            <div
              className="chat-panel"
              role="tabpanel"
              id={`chat-panel-${current.id}`}
              aria-labelledby={`chat-tab-${current.id}`}
              key={current.id}
            >
              {card(current)}
              <ChatConversation
                contactId={current.id}
                customerName={customerNameOf(current)}
                canWrite={current.status === 'active'}
                focusComposer={composerToFocus === current.id}
                onComposerFocused={() => setComposerToFocus(null)}
              />
              <ContactContext contactId={current.id} canWrite />
            </div>
          </div>
        ) : null}
      </section>
      <RecentContacts />
      <details className="shortcuts">
        <summary>Keyboard shortcuts</summary>
        <dl>
          <dt>Alt+R</dt>
          <dd>Ready (chat & email)</dd>
          <dt>Alt+N</dt>
          <dd>Choose a Not Ready reason</dd>
          <dt>Alt+A</dt>
          <dd>Accept the oldest offer</dd>
          <dt>Alt+W</dt>
          <dd>Go to the wrap-up of the first contact in wrap-up</dd>
        </dl>
      </details>
    </div>
  );
}
