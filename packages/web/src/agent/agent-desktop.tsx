import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgentLive, Contact, Csq, LiveEvent, ReasonCode } from '../api/types.ts';
import { useDesk, useLive, useLiveEvents } from '../live/hooks.ts';
import { alertInBackground, askForNotifications, notificationsAllowed } from './alerts.ts';
import { ContactCard } from './contact-card.tsx';
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

const concernsMe = (myId: string) => (event: LiveEvent) => event.agentId === myId;

export function AgentDesktop() {
  const { api, me } = useDesk();
  const reasons = useLive(() => api.request<ReasonCode[]>('GET', '/reason-codes'));
  const csqs = useLive(() => api.request<Csq[]>('GET', '/csqs'));
  const deadlines = useRef(new Map<string, number | null>());
  const load = useCallback(async (): Promise<Desktop> => {
    const offerDeadline = async (id: string) => {
      const events = await api.request<{ type: string; data: { deadline?: number | null } }[]>(
        'GET',
        `/contacts/${id}/events`,
      );
      return events.findLast((e) => e.type === 'contact.offered')?.data.deadline ?? null;
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

  useLiveEvents((event) => {
    if (event.type !== 'contact.offered' || event.agentId !== me.id || !event.contactId) return;
    deadlines.current.set(event.contactId, typeof event.deadline === 'number' ? event.deadline : null);
    alertInBackground('New contact offered', 'A customer is waiting for you in Switchboard.');
  });

  const [notify, setNotify] = useState(notificationsAllowed());
  const offers = desktop.data?.contacts.filter((c) => c.status === 'offered') ?? [];
  const accept = async (id: string) => {
    await api.request('POST', `/contacts/${id}/accept`);
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
  useEffect(() => {
    document.title = offers.length > 0 ? `(${offers.length}) Offer — Switchboard` : 'Switchboard';
  }, [offers.length]);

  if (!desktop.data) return <p aria-busy="true">{desktop.error?.message ?? 'Loading…'}</p>;
  const csqName = (id: string) => csqs.data?.find((q) => q.id === id)?.name ?? '';
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
        ) : (
          <ul className="contact-list">
            {desktop.data.contacts.map((contact) => (
              <li key={contact.id}>
                <ContactCard
                  contact={contact}
                  csqName={csqName(contact.csqId)}
                  reasons={reasons.data ?? []}
                  onAccept={() => accept(contact.id)}
                  onChanged={desktop.reload}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
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
