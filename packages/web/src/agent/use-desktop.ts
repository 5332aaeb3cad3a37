import type { DialResult } from '@switchboard/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgentLive, Contact, ItemOf, LiveEvent } from '../api/types.ts';
import { type Loaded, useDesk, useLive, useLiveEvents } from '../live/hooks.ts';
import { alertInBackground } from './alerts.ts';

/** A contact the ACD gave this agent, with the no-answer deadline of an offer (epoch ms) when known. */
export interface MyContact extends Contact {
  deadline: number | null;
  /** A call the agent placed: how the far end answered (`busy`, `no_answer`…), null while it rings. */
  dialResult: DialResult | null;
}

export interface Desktop {
  agent: AgentLive;
  contacts: MyContact[];
}

/** Events that change this agent's desktop: their own, and what happens in a group chat they invited to or own. */
const concernsMe = (myId: string) => (event: LiveEvent) =>
  event.agentId === myId || event.inviterId === myId || event.ownerId === myId;

/**
 * The agent and their contacts, oldest first, kept live; offers carry their no-answer deadline, taken from the
 * offer event as it arrives (or from the contact's events after a reload). New offers and invitations alert
 * the agent when the tab is in the background.
 */
export function useDesktop(): Loaded<Desktop> {
  const { api, me } = useDesk();
  const deadlines = useRef(new Map<string, number | null>());
  // How placed calls were answered: it never changes once known, so it is read once (or taken from its event).
  const dialResults = useRef(new Map<string, DialResult>());
  const load = useCallback(async (): Promise<Desktop> => {
    const eventsOf = (id: string) =>
      api.request<ItemOf<'/contacts/{id}/events'>[]>('GET', `/contacts/${id}/events`);
    // The API documents an event's data as any JSON: a field is read only when it has the type expected.
    const field = (data: unknown, name: string) =>
      data && typeof data === 'object' && name in data ? (data as Record<string, unknown>)[name] : null;
    const offerDeadline = async (id: string) => {
      const data = (await eventsOf(id)).findLast((e) => e.type === 'contact.offered')?.data;
      const deadline = field(data, 'deadline');
      return typeof deadline === 'number' ? deadline : null;
    };
    const dialResult = async (id: string) => {
      const known = dialResults.current.get(id);
      if (known) return known;
      const data = (await eventsOf(id)).findLast((e) => e.type === 'contact.dial_result')?.data;
      const result = field(data, 'result');
      if (typeof result !== 'string') return null;
      dialResults.current.set(id, result as DialResult);
      return result as DialResult;
    };
    // Its contacts in one read, not one per id: one that leaves the agent meanwhile is left out, not refused.
    const [agent, held] = await Promise.all([
      api.request<AgentLive>('GET', `/agents/${me.id}`),
      api.request<Contact[]>('GET', `/agents/${me.id}/contacts`),
    ]);
    const contacts = await Promise.all(
      held.map(async (contact) => {
        const { id } = contact;
        if (contact.status === 'offered' && !deadlines.current.has(id))
          deadlines.current.set(id, await offerDeadline(id));
        const result = contact.direction === 'outbound' ? await dialResult(id) : null;
        return { ...contact, deadline: deadlines.current.get(id) ?? null, dialResult: result };
      }),
    );
    return { agent, contacts: contacts.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)) };
  }, [api, me.id]);
  const desktop = useLive(load, concernsMe(me.id), me.id, 50);
  useLiveEvents((event) => {
    if (event.type === 'contact.dial_result' && event.contactId && typeof event.result === 'string')
      dialResults.current.set(event.contactId, event.result as DialResult);
    if (event.type === 'contact.invited' && event.agentId === me.id)
      alertInBackground('Invitation to a chat', 'A colleague asks you to join a chat in Switchboard.');
    if (event.type !== 'contact.offered' || event.agentId !== me.id || !event.contactId) return;
    deadlines.current.set(event.contactId, typeof event.deadline === 'number' ? event.deadline : null);
    alertInBackground('New contact offered', 'A customer is waiting for you in Switchboard.');
  });
  return desktop;
}

export interface ChatSelection {
  selected: string | null;
  /** Customer messages not yet seen, per chat. */
  unread: ReadonlyMap<string, number>;
  /** Brings a chat to the front and counts its messages as read. */
  select: (id: string) => void;
}

/**
 * Which chat tab is in front, and the customers' messages the agent has not seen: those of the other chats,
 * and of this one while the tab is hidden (read once it is visible again).
 */
export function useChatSelection(): ChatSelection {
  const [selected, setSelected] = useState<string | null>(null);
  const [unread, setUnread] = useState<ReadonlyMap<string, number>>(new Map());
  const select = (id: string) => {
    setSelected(id);
    setUnread((counts) => new Map([...counts].filter(([key]) => key !== id)));
  };
  useLiveEvents((event) => {
    if (event.type !== 'chat.message' || event.from !== 'customer' || !event.contactId) return;
    const id = event.contactId;
    if (id !== selected || document.hidden)
      setUnread((counts) => new Map(counts).set(id, (counts.get(id) ?? 0) + 1));
    alertInBackground('New chat message', 'A customer wrote to you in Switchboard.');
  });
  useEffect(() => {
    const seen = () => {
      if (!document.hidden && selected) select(selected);
    };
    document.addEventListener('visibilitychange', seen);
    return () => document.removeEventListener('visibilitychange', seen);
  });
  return { selected, unread, select };
}

/** The tab's title counts what waits for the agent: offers, invitations and unread messages. */
export function useDesktopTitle(offers: number, invitations: number, unread: ReadonlyMap<string, number>) {
  const unseen = [...unread.values()].reduce((sum, n) => sum + n, 0);
  useEffect(() => {
    const parts = [
      offers > 0 ? `(${offers}) Offer` : '',
      invitations > 0 ? `(${invitations}) Invitation` : '',
      unseen > 0 ? `${unseen} unread` : '',
    ];
    const prefix = parts.filter(Boolean).join(' · ');
    document.title = prefix ? `${prefix} — Switchboard` : 'Switchboard';
  }, [offers, invitations, unseen]);
}
