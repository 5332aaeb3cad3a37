/**
 * Who has a desktop connected to this server now (an open event stream): a request for help skips a primary
 * supervisor who is not, since no one would see the alert. One process's view, as the routers are.
 */
export class OnlineUsers {
  readonly #streams = new Map<string, number>();
  readonly #gone: ((tenantId: string, userId: string) => void)[] = [];

  /** Calls `listener` whenever a user's last open stream closes. */
  onGone(listener: (tenantId: string, userId: string) => void): void {
    this.#gone.push(listener);
  }

  /** Counts one open stream; the function returned uncounts it. */
  connect(tenantId: string, userId: string): () => void {
    const key = `${tenantId}/${userId}`;
    this.#streams.set(key, (this.#streams.get(key) ?? 0) + 1);
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      const left = (this.#streams.get(key) ?? 1) - 1;
      if (left > 0) this.#streams.set(key, left);
      else {
        this.#streams.delete(key);
        for (const listener of this.#gone) listener(tenantId, userId);
      }
    };
  }

  has(tenantId: string, userId: string): boolean {
    return this.#streams.has(`${tenantId}/${userId}`);
  }
}
