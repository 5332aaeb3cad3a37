import { useState } from 'react';
import type { AgentLive, Domain, ReasonCode } from '../api/types.ts';
import { useDesk, useNow } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { STATE_LABELS, since } from '../ui/format.ts';
import { reasonLabel } from '../ui/reason-label.ts';

const DOMAIN_LABELS: Record<Domain, string> = { voice: 'Voice', digital: 'Chat & email' };

/** One domain's state: what it is and for how long, and the changes an agent may make themselves. */
export function StateControl(props: {
  domain: Domain;
  agent: AgentLive;
  reasons: ReasonCode[];
  onChanged: (agent: AgentLive) => void;
}) {
  const { api, me } = useDesk();
  const now = useNow();
  const current = props.agent[props.domain];
  const notReady = props.reasons.filter((r) => r.kind === 'not_ready');
  const logout = props.reasons.filter((r) => r.kind === 'logout');
  const [reason, setReason] = useState<string>('');
  const [logoutReason, setLogoutReason] = useState<string>('');
  const submission = useSubmission();
  const change = (state: 'ready' | 'not_ready' | 'logged_out', reasonCode?: number) =>
    submission.run(async () => {
      const body = { domain: props.domain, state, ...(reasonCode ? { reasonCode } : {}) };
      props.onChanged(await api.request<AgentLive>('PUT', `/agents/${me.id}/state`, body));
    });
  const label = reasonLabel(props.reasons, current);
  const headingId = `state-${props.domain}`;
  return (
    <section className="state-control" aria-labelledby={headingId}>
      <h2 id={headingId}>{DOMAIN_LABELS[props.domain]}</h2>
      <p className={`state state-${current.state}`} data-testid={`state-${props.domain}`}>
        <strong>{STATE_LABELS[current.state]}</strong>
        {label ? ` — ${label}` : current.reasonCode ? ` — code ${current.reasonCode}` : ''}
        <span className="muted"> for {since(current.since, now)}</span>
      </p>
      <FormError message={submission.error} />
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={submission.busy || current.state === 'ready'}
          onClick={() => change('ready')}
          data-shortcut-target={props.domain === 'digital' ? 'ready-digital' : undefined}
          aria-keyshortcuts={props.domain === 'digital' ? 'Alt+R' : undefined}
        >
          Ready
        </button>
        <label className="inline">
          <span className="visually-hidden">Not ready reason ({DOMAIN_LABELS[props.domain]})</span>
          <select
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-shortcut-target={props.domain === 'digital' ? 'not-ready-reason' : undefined}
          >
            <option value="">Reason…</option>
            {notReady.map((r) => (
              <option key={r.id} value={r.code}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={submission.busy || (notReady.length > 0 && !reason)}
          onClick={() => change('not_ready', reason ? Number(reason) : undefined)}
          aria-keyshortcuts={props.domain === 'digital' ? 'Alt+N' : undefined}
        >
          Not ready
        </button>
        {logout.length > 0 ? (
          <label className="inline">
            <span className="visually-hidden">Log out reason ({DOMAIN_LABELS[props.domain]})</span>
            <select value={logoutReason} onChange={(e) => setLogoutReason(e.target.value)}>
              <option value="">Log out reason…</option>
              {logout.map((r) => (
                <option key={r.id} value={r.code}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button
          type="button"
          disabled={submission.busy || current.state === 'logged_out'}
          onClick={() => change('logged_out', logoutReason ? Number(logoutReason) : undefined)}
        >
          Log out
        </button>
      </div>
    </section>
  );
}
