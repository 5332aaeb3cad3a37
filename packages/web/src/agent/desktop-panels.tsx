import { type ReactNode, useState } from 'react';
import type { AgentLive, ReasonCode } from '../api/types.ts';
import { askForNotifications, notificationsAllowed } from './alerts.ts';
import { ChatConversation } from './chat-conversation.tsx';
import { ChatTabs, customerNameOf } from './chat-tabs.tsx';
import { ContactContext } from './contact-context.tsx';
import { StateControl } from './state-control.tsx';
import type { ChatSelection, MyContact } from './use-desktop.ts';

/** The agent's voice and digital states, side by side. */
export function StateControls(props: {
  agent: AgentLive;
  reasons: ReasonCode[];
  onChanged: (agent: AgentLive) => void;
}) {
  return (
    <div className="states">
      {(['voice', 'digital'] as const).map((domain) => (
        <StateControl
          key={domain}
          domain={domain}
          agent={props.agent}
          reasons={props.reasons}
          onChanged={props.onChanged}
        />
      ))}
    </div>
  );
}

/** Offers to turn on the browser's notifications, until they are on (or the browser has none). */
export function NotificationsHint() {
  const [notify, setNotify] = useState(notificationsAllowed());
  if (notify || typeof Notification === 'undefined') return null;
  return (
    <p className="hint">
      <button type="button" onClick={async () => setNotify(await askForNotifications())}>
        Turn on notifications
      </button>{' '}
      to hear about offers while Switchboard is in the background.
    </p>
  );
}

/** The chats in hand as tabs, and the one in front with its card, conversation and customer context. */
export function ChatWorkspace(props: {
  chats: MyContact[];
  current: MyContact;
  selection: ChatSelection;
  card: (contact: MyContact) => ReactNode;
  composerToFocus: string | null;
  onComposerFocused: () => void;
}) {
  const { chats, current, selection } = props;
  return (
    <div className="chat-workspace">
      <ChatTabs chats={chats} selected={current.id} unread={selection.unread} onSelect={selection.select} />
      <div
        className="chat-panel"
        role="tabpanel"
        id={`chat-panel-${current.id}`}
        aria-labelledby={`chat-tab-${current.id}`}
        key={current.id}
      >
        {props.card(current)}
        <ChatConversation
          contactId={current.id}
          customerName={customerNameOf(current)}
          canWrite={current.status === 'active'}
          focusComposer={props.composerToFocus === current.id}
          onComposerFocused={props.onComposerFocused}
        />
        <ContactContext contactId={current.id} canWrite />
      </div>
    </div>
  );
}

export function ShortcutsHelp() {
  return (
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
  );
}
