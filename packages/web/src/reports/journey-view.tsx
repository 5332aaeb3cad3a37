import { useEffect, useState } from 'react';
import { useDesk } from '../live/hooks.ts';
import { CallRecordings } from './call-recordings.tsx';
import type { Journey } from './report-types.ts';

const time = (iso: string, timeZone: string) =>
  new Date(iso).toLocaleString([], { timeZone, dateStyle: 'short', timeStyle: 'medium' });

/** A contact's journey: every step from its arrival to its end, in order, as a timeline; a call's recordings. */
export function JourneyView(props: { contactId: string; timeZone: string; onClose: () => void }) {
  const { api } = useDesk();
  const [journey, setJourney] = useState<Journey | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setJourney(null);
    setError(null);
    api
      .request<Journey>('GET', `/contacts/${props.contactId}/journey`)
      .then(setJourney, (failure: Error) => setError(failure.message));
  }, [api, props.contactId]);
  return (
    <section className="panel journey" aria-labelledby="journey-title">
      <div className="row spread">
        <h2 id="journey-title">Journey of contact {props.contactId.slice(0, 8)}</h2>
        <button type="button" onClick={props.onClose}>
          Close journey
        </button>
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {journey ? (
        <>
          <p className="muted">
            {journey.contact.channel}
            {journey.contact.callType ? ` · ${journey.contact.callType}` : ''} · arrived{' '}
            {time(journey.contact.createdAt, props.timeZone)}
            {journey.contact.outcome ? ` · ${journey.contact.outcome}` : ''}
          </p>
          <ol className="timeline" aria-label="Steps">
            {journey.steps.map((step, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps are in order and never move
              <li key={index} className={`step step-${step.type.replace(/[^a-z0-9-]/gi, '-')}`}>
                <time dateTime={step.at}>{time(step.at, props.timeZone)}</time>
                <strong>{step.label}</strong>
                {[step.agentName, step.csqName, step.detail].filter(Boolean).map((part) => (
                  <span key={String(part)} className="muted">
                    {' '}
                    · {part}
                  </span>
                ))}
              </li>
            ))}
          </ol>
          {journey.contact.channel === 'voice' ? <CallRecordings contactId={props.contactId} /> : null}
        </>
      ) : error ? null : (
        <p aria-busy="true">Loading…</p>
      )}
    </section>
  );
}
