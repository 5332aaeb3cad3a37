import { useState } from 'react';
import type { Contact, Csq, ReasonCode } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { AudioCheck } from './audio-check.tsx';
import { ContactCard } from './contact-card.tsx';
import { ContactContext } from './contact-context.tsx';
import { DeskPhoneChoice, deskPhoneOf, useDeskPhone } from './desk-phone-choice.tsx';
import { ChatWorkspace, NotificationsHint, ShortcutsHelp, StateControls } from './desktop-panels.tsx';
import { InvitationCard, isInvitedHere } from './group-chat.tsx';
import { PlaceCall } from './place-call.tsx';
import { RecentContacts } from './recent-contacts.tsx';
import { trigger, useShortcuts } from './shortcuts.ts';
import { answerCall, isBrowserCall } from './softphone.ts';
import { TeamMessageBanner } from './team-message-banner.tsx';
import { type MyContact, useChatSelection, useDesktop, useDesktopTitle } from './use-desktop.ts';

export function AgentDesktop() {
  const { api, me } = useDesk();
  const reasons = useLive(() => api.request<ReasonCode[]>('GET', '/reason-codes'));
  const csqs = useLive(() => api.request<Csq[]>('GET', '/csqs'));
  const desktop = useDesktop();
  const deskPhone = useDeskPhone();
  const selection = useChatSelection();
  const { select } = selection;
  /** The chat just accepted, whose reply box takes the focus once it is on screen. */
  const [composerToFocus, setComposerToFocus] = useState<string | null>(null);
  const contacts = desktop.data?.contacts ?? [];
  const offers = contacts.filter((c) => c.status === 'offered');
  const invitations = contacts.filter((c) => isInvitedHere(c, me.id));
  const accept = async (id: string) => {
    const offered = contacts.find((c) => c.id === id);
    // A call is answered with this browser's microphone; anything else is accepted.
    const accepted =
      offered && isBrowserCall(offered)
        ? await answerCall(api, id)
        : await api.request<Contact>('POST', `/contacts/${id}/accept`);
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
  useDesktopTitle(offers.length, invitations.length, selection.unread);

  if (!desktop.data) return <p aria-busy="true">{desktop.error?.message ?? 'Loading…'}</p>;
  const { agent } = desktop.data;
  const csqName = (id: string) => csqs.data?.find((q) => q.id === id)?.name ?? '';
  const isChatInHand = (c: MyContact) =>
    c.channel === 'chat' && (c.status === 'active' || c.status === 'wrap_up') && !isInvitedHere(c, me.id);
  const chats = contacts.filter(isChatInHand);
  const others = contacts.filter((c) => !isChatInHand(c) && !isInvitedHere(c, me.id));
  const current = chats.find((c) => c.id === selection.selected) ?? chats[0];
  const card = (contact: MyContact) => (
    <ContactCard
      contact={contact}
      csqName={csqName(contact.csqId)}
      reasons={reasons.data ?? []}
      deskPhone={deskPhoneOf(deskPhone.data)}
      onAccept={() => accept(contact.id)}
      onChanged={desktop.reload}
    />
  );
  return (
    <div className="agent-desktop">
      <TeamMessageBanner />
      <StateControls
        agent={agent}
        reasons={reasons.data ?? []}
        onChanged={(changed) => desktop.set((now) => now && { ...now, agent: changed })}
      />
      <DeskPhoneChoice phone={deskPhone} />
      <AudioCheck />
      <PlaceCall agent={agent} csqs={csqs.data ?? []} />
      <NotificationsHint />
      <section aria-labelledby="my-contacts" className="contacts">
        <h2 id="my-contacts">
          My contacts <span className="count">{contacts.length}</span>
        </h2>
        {contacts.length === 0 ? <p className="muted">No contacts. Go Ready to receive them.</p> : null}
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
          <ChatWorkspace
            chats={chats}
            current={current}
            selection={selection}
            card={card}
            composerToFocus={composerToFocus}
            onComposerFocused={() => setComposerToFocus(null)}
          />
        ) : null}
      </section>
      <RecentContacts />
      <ShortcutsHelp />
    </div>
  );
}
