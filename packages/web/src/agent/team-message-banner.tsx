import { activeTeamMessages } from '@switchboard/core';
import { useEffect, useState } from 'react';
import type { ItemOf, LiveEvent } from '../api/types.ts';
import { useDesk, useLive, useNow } from '../live/hooks.ts';
import { clock } from '../ui/format.ts';

export type TeamMessage = ItemOf<'/team-messages'>;

const aboutMessages = (event: LiveEvent) => event.type.startsWith('team_message.');

/**
 * The team-message banner: how many messages are active, the latest one with its supervisor and time, and
 * buttons to step through the others. Expired messages drop out on the next tick without a reload.
 */
export function TeamMessageBanner() {
  const { api } = useDesk();
  const now = useNow(5000);
  const messages = useLive(() => api.request<TeamMessage[]>('GET', '/team-messages'), aboutMessages);
  const active = activeTeamMessages(messages.data ?? [], now);
  const [index, setIndex] = useState(0);
  const newest = active[0]?.id;
  // A new message (or the latest one going away) brings the banner back to the newest.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the newest message changes
  useEffect(() => setIndex(0), [newest]);
  if (active.length === 0) return null;
  const shown = active[Math.min(index, active.length - 1)];
  if (!shown) return null;
  return (
    <section className="team-banner" aria-label="Team messages" aria-live="polite" data-testid="team-banner">
      <span className="badge" data-testid="team-banner-count" title="Active team messages">
        {active.length}
      </span>
      <p className="message">
        <span data-testid="team-banner-text">{shown.text}</span>{' '}
        <span className="muted">
          — {shown.supervisorName}, {clock(shown.createdAt)}
        </span>
      </p>
      {active.length > 1 ? (
        <div className="row">
          <button
            type="button"
            aria-label="Newer message"
            disabled={index === 0}
            onClick={() => setIndex((i) => Math.max(0, i - 1))}
          >
            ‹
          </button>
          <span className="muted">
            {Math.min(index, active.length - 1) + 1} of {active.length}
          </span>
          <button
            type="button"
            aria-label="Older message"
            disabled={index >= active.length - 1}
            onClick={() => setIndex((i) => Math.min(active.length - 1, i + 1))}
          >
            ›
          </button>
        </div>
      ) : null}
    </section>
  );
}
