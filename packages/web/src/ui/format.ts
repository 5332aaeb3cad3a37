import type { AgentStateName } from '../api/types.ts';

/** 75 → "1:15", 3725 → "1:02:05". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export const since = (iso: string | null | undefined, now: number) =>
  iso ? duration((now - Date.parse(iso)) / 1000) : '';

export const STATE_LABELS: Record<AgentStateName, string> = {
  logged_out: 'Logged out',
  not_ready: 'Not ready',
  ready: 'Ready',
  reserved: 'Reserved',
  active: 'Active',
  work: 'Wrap-up',
};

export const clock = (iso: string) =>
  new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
