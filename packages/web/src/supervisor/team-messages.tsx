import { codePoints, LIMITS, teamMessageStatus, teamMessageTextProblem } from '@switchboard/core';
import { type FormEvent, useState } from 'react';
import type { TeamMessage } from '../agent/team-message-banner.tsx';
import type { LiveEvent, Team } from '../api/types.ts';
import { useDesk, useLive, useNow } from '../live/hooks.ts';
import { Field, FormError, useSubmission } from '../ui/form.tsx';
import { clock } from '../ui/format.ts';
import { supervisedTeams } from './use-team.ts';

const EXPIRY_CHOICES: [number, string][] = [
  [5, '5 minutes'],
  [15, '15 minutes'],
  [30, '30 minutes'],
  [60, '1 hour'],
  [120, '2 hours'],
  [240, '4 hours'],
  [480, '8 hours'],
  [1435, '23 h 55 min (longest)'],
];
const aboutMessages = (event: LiveEvent) => event.type.startsWith('team_message.');

/** Team messages: write one to some or all of one's teams, see recent ones, delete. */
export function TeamMessages() {
  const { api, me } = useDesk();
  const now = useNow(5000);
  const teams = useLive(() => api.request<Team[]>('GET', '/teams'));
  const recent = useLive(
    () => api.request<TeamMessage[]>('GET', '/team-messages?include=recent'),
    aboutMessages,
  );
  const mine = supervisedTeams(teams.data ?? [], me);
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [all, setAll] = useState(true);
  const [expiry, setExpiry] = useState(60);
  const submission = useSubmission();
  const removal = useSubmission();
  const max = LIMITS.teamMessageText.max;
  const length = codePoints(text);
  // The server's own rule, so a message it would refuse is caught while it is written.
  const problem = text === '' ? null : teamMessageTextProblem(text);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      text,
      expiresInMinutes: expiry,
      ...(all ? { allTeams: true } : { teamIds: [...chosen] }),
    };
    if (await submission.run(() => api.request('POST', '/team-messages', body))) {
      setText('');
      recent.reload();
    }
  };
  const teamNames = (ids: string[]) =>
    ids.map((id) => teams.data?.find((t) => t.id === id)?.name ?? 'a team').join(', ');
  return (
    <section aria-labelledby="messages-title" className="team-messages">
      <h1 id="messages-title">Team messages</h1>
      <form onSubmit={send} aria-label="New team message">
        <FormError message={submission.error} />
        <Field
          label="Message"
          error={problem ?? submission.fields.text}
          hint={`${length} of ${max} characters`}
        >
          {(input) => (
            <textarea
              {...input}
              name="text"
              value={text}
              rows={3}
              maxLength={max * 2}
              onChange={(e) => setText(e.target.value)}
              required
            />
          )}
        </Field>
        <fieldset>
          <legend>To</legend>
          <label className="inline">
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> All my teams
          </label>
          {mine.map((team) => (
            <label key={team.id} className="inline">
              <input
                type="checkbox"
                disabled={all}
                checked={all || chosen.has(team.id)}
                onChange={(e) =>
                  setChosen((current) => {
                    const next = new Set(current);
                    if (e.target.checked) next.add(team.id);
                    else next.delete(team.id);
                    return next;
                  })
                }
              />{' '}
              {team.name}
            </label>
          ))}
          {submission.fields.teamIds ? <p className="field-error">{submission.fields.teamIds}</p> : null}
        </fieldset>
        <Field label="Expires after" error={submission.fields.expiresInMinutes}>
          {(input) => (
            <select {...input} value={expiry} onChange={(e) => setExpiry(Number(e.target.value))}>
              {EXPIRY_CHOICES.map(([minutes, label]) => (
                <option key={minutes} value={minutes}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button
          type="submit"
          className="primary"
          disabled={submission.busy || length === 0 || problem !== null}
        >
          Send
        </button>
      </form>
      <h2>Recent messages</h2>
      <FormError message={removal.error} />
      <ul className="message-list">
        {(recent.data ?? []).map((m) => {
          const status = teamMessageStatus(m, now);
          return (
            <li key={m.id} data-message-id={m.id}>
              <p>{m.text}</p>
              <p className="muted">
                {m.supervisorName}, {clock(m.createdAt)} → {teamNames(m.teamIds)} ·{' '}
                {status === 'active' ? `until ${clock(m.expiresAt)}` : status}
              </p>
              {status === 'active' ? (
                <button
                  type="button"
                  onClick={() =>
                    removal.run(async () => {
                      await api.request('DELETE', `/team-messages/${m.id}`);
                      recent.reload();
                    })
                  }
                  aria-label={`Delete message: ${m.text}`}
                >
                  Delete
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {recent.data?.length === 0 ? <p className="muted">No messages yet.</p> : null}
    </section>
  );
}
