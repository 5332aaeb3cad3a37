import { notFound } from '@switchboard/core';
import { type Call, withToken } from './carried-call.ts';

/** The calls this process carries, by contact, and which call each of their legs belongs to. */
export class CarriedCalls {
  readonly #calls = new Map<string, Call>();
  readonly #contactOfLeg = new Map<string, string>();

  /** Carries the call, with the legs it has. */
  add(call: Call): void {
    this.#calls.set(call.contactId, call);
    this.#contactOfLeg.set(call.customerLeg, call.contactId);
    if (call.agentLeg) this.#contactOfLeg.set(call.agentLeg, call.contactId);
  }

  /** The call gets another leg (an agent's, answering or rejoining). */
  addLeg(call: Call, legId: string): void {
    this.#contactOfLeg.set(legId, call.contactId);
  }

  forgetLeg(legId: string): void {
    this.#contactOfLeg.delete(legId);
  }

  /** The call a leg belongs to, if any is carried; the leg is forgotten either way. */
  takeLeg(legId: string): Call | undefined {
    const contactId = this.#contactOfLeg.get(legId);
    if (!contactId) return undefined;
    this.#contactOfLeg.delete(legId);
    return this.#calls.get(contactId);
  }

  /** Stops carrying the call; false when it was not (or no longer) carried. Its legs are forgotten. */
  remove(call: Call): boolean {
    if (!this.carries(call)) return false;
    this.#calls.delete(call.contactId);
    for (const leg of [call.customerLeg, call.agentLeg]) if (leg) this.#contactOfLeg.delete(leg);
    return true;
  }

  /** Whether this very call is still carried (not ended, nor replaced). */
  carries(call: Call): boolean {
    return this.#calls.get(call.contactId) === call;
  }

  get(contactId: string): Call | undefined {
    return this.#calls.get(contactId);
  }

  /** The tenant's call of this contact; not found for any other tenant's. */
  of(tenantId: string, contactId: string): Call {
    const call = this.#calls.get(contactId);
    if (!call || call.tenantId !== tenantId) throw notFound('Call');
    return call;
  }

  /** The call whose caller's page holds `token`; not found for any other. */
  withToken(contactId: string, token: string): Call {
    return withToken(this.#calls, contactId, token);
  }

  countOf(tenantId: string): number {
    let count = 0;
    for (const call of this.#calls.values()) if (call.tenantId === tenantId) count++;
    return count;
  }

  all(): Call[] {
    return [...this.#calls.values()];
  }

  get size(): number {
    return this.#calls.size;
  }
}
