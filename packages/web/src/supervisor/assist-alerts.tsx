import { useRef, useState } from 'react';
import { alertInBackground } from '../agent/alerts.ts';
import { type AssistRequest, isAboutAssist } from '../api/assist.ts';
import type { Contact, LiveEvent } from '../api/types.ts';
import { useDesk, useLive, useLiveEvents, useNow } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { since } from '../ui/format.ts';
import '../ui/assist.css';
import { MonitorPanel } from './monitor-panel.tsx';

const KIND_LABELS = { help: 'Help', emergency: 'Emergency' } as const;

/**
 * Requests for help alerted to this supervisor, on every page of their desktop: who asks, on which contact,
 * how long ago; Answer tells the agent "<you> are on it", Open shows the contact. A new one (or one escalated
 * to them) chimes and notifies when the desktop is in the background.
 */
export function AssistAlerts() {
  const { api, me } = useDesk();
  const now = useNow(1000);
  const open = useLive(
    () => api.request<AssistRequest[]>('GET', '/assist-requests?open=true'),
    isAboutAssist,
    me.id,
    50,
  );
  const announced = useRef(new Set<string>());
  useLiveEvents((event: LiveEvent) => {
    if (event.type !== 'assist.requested' && event.type !== 'assist.escalated') return;
    const request = event.request as AssistRequest | undefined;
    if (!request?.alerted.includes(me.id) || announced.current.has(request.id)) return;
    announced.current.add(request.id);
    const title =
      request.kind === 'emergency' ? 'Emergency: an agent needs you now' : 'An agent asks for help';
    alertInBackground(title, `${request.agent.name} on a contact of ${request.csq.name}.`);
  });
  const alerts = (open.data ?? []).filter((r) => r.alerted.includes(me.id) && r.agent.id !== me.id);
  if (alerts.length === 0) return null;
  return (
    <section className="assist-alerts" aria-label="Requests for help">
      {alerts.map((request) => (
        <AssistAlert key={request.id} request={request} now={now} onAnswered={open.reload} />
      ))}
    </section>
  );
}

function AssistAlert(props: { request: AssistRequest; now: number; onAnswered: () => void }) {
  const { api } = useDesk();
  const { request } = props;
  const submission = useSubmission();
  const [contact, setContact] = useState<Contact | null>(null);
  const answer = () =>
    submission.run(async () => {
      await api.request('POST', `/assist-requests/${request.id}/answer`);
      props.onAnswered();
    });
  const openContact = () =>
    submission.run(async () => {
      setContact(contact ? null : await api.request<Contact>('GET', `/contacts/${request.contactId}`));
    });
  const titleId = `assist-${request.id}`;
  return (
    <div
      role="alert"
      aria-labelledby={titleId}
      className={`assist-alert assist-${request.kind}`}
      data-assist-id={request.id}
    >
      <h3 id={titleId}>
        {KIND_LABELS[request.kind]}: {request.agent.name}
      </h3>
      <p>
        {request.customerName ?? 'A customer'} · {request.csq.name} · asked{' '}
        {since(request.createdAt, props.now)} ago
      </p>
      <div className="row">
        <button type="button" className="primary" onClick={answer} disabled={submission.busy}>
          Answer
        </button>
        <button
          type="button"
          onClick={openContact}
          disabled={submission.busy}
          aria-expanded={contact !== null}
        >
          Open
        </button>
      </div>
      {contact ? (
        <dl className="facts" aria-label="The contact">
          <dt>Channel</dt>
          <dd>{contact.channel}</dd>
          <dt>Status</dt>
          <dd>{contact.status}</dd>
          <dt>Handling</dt>
          <dd>{since(contact.acceptedAt ?? contact.queuedAt, props.now)}</dd>
        </dl>
      ) : null}
      {contact ? <CoachingActions contact={contact} /> : null}
      <FormError message={submission.error} />
    </div>
  );
}

/** A chat in hand can be monitored from the request, and from there whispered to or barged into. */
function CoachingActions(props: { contact: Contact }) {
  const [monitoring, setMonitoring] = useState(false);
  const { contact } = props;
  if (contact.channel !== 'chat' || contact.status !== 'active') return null;
  if (monitoring) return <MonitorPanel contactId={contact.id} onClose={() => setMonitoring(false)} />;
  return (
    <button type="button" onClick={() => setMonitoring(true)}>
      Monitor
    </button>
  );
}
