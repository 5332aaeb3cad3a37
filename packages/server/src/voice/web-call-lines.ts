import { SwitchboardError } from '@switchboard/core';

/**
 * The lines for calls from web pages each tenant has in this server: calls carried and calls being started count
 * against them, so calls started at the same moment cannot pass the limit together.
 */
export class WebCallLines {
  readonly #max: number;
  /** Web calls of each tenant being started now. */
  readonly #starting = new Map<string, number>();

  constructor(max: number) {
    this.#max = max;
  }

  /** Takes a line for a call being started, with `carried` calls of the tenant up (409 `limit_reached` if none). */
  reserve(tenantId: string, carried: number): void {
    const starting = this.#starting.get(tenantId) ?? 0;
    if (carried + starting >= this.#max)
      throw new SwitchboardError(
        'limit_reached',
        `All ${this.#max} lines for calls from web pages are busy: try again in a moment.`,
        { limit: this.#max, what: 'webCallsPerTenant' },
      );
    this.#starting.set(tenantId, starting + 1);
  }

  /** The call is carried now, or failed to start: either way it no longer counts as starting. */
  started(tenantId: string): void {
    const left = (this.#starting.get(tenantId) ?? 1) - 1;
    if (left > 0) this.#starting.set(tenantId, left);
    else this.#starting.delete(tenantId);
  }
}
