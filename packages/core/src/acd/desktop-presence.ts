/**
 * Which agents have a desktop open: each desktop tab holds one event stream. The grace period starts when an
 * agent's last stream closes and is cancelled when one opens again. Agents who never opened a desktop stream
 * (API clients, virtual agents) are not tracked at all, so nothing here ever moves them.
 */
export class DesktopPresence {
  readonly #open = new Map<string, number>();
  readonly #goneSince = new Map<string, number>();

  opened(agentId: string): void {
    this.#open.set(agentId, (this.#open.get(agentId) ?? 0) + 1);
    this.#goneSince.delete(agentId);
  }

  closed(agentId: string, now: number): void {
    const left = (this.#open.get(agentId) ?? 0) - 1;
    if (left > 0) {
      this.#open.set(agentId, left);
      return;
    }
    this.#open.delete(agentId);
    this.#goneSince.set(agentId, now);
  }

  /** Agents gone for at least `graceMs` by `now`; each is reported once (until their desktop opens and closes again). */
  takeGone(now: number, graceMs: number): string[] {
    const gone: string[] = [];
    for (const [agentId, since] of this.#goneSince) {
      if (now - since < graceMs) continue;
      gone.push(agentId);
      this.#goneSince.delete(agentId);
    }
    return gone;
  }

  /** Whether anyone is waiting out a grace period (so a sweep has something to do). */
  get waiting(): boolean {
    return this.#goneSince.size > 0;
  }
}
