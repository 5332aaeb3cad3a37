import {
  type AcdEvent,
  type AssistRequest,
  assistRecipients,
  assistStatus,
  type Clock,
  escalationDue,
} from '@switchboard/core';
import type { Fanout } from '../acd/fanout.ts';
import type { Db } from '../db/database.ts';
import type { NoticePublisher } from '../events/event-writer.ts';
import { assistRepository, type StoredAssist } from './assist.repository.ts';
import { OnlineUsers } from './online-users.ts';

export type AssistEventType = 'assist.requested' | 'assist.escalated' | 'assist.answered' | 'assist.closed';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const person = (id: string | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

export const presentAssist = (r: StoredAssist) => ({
  id: r.id,
  contactId: r.contactId,
  kind: r.kind,
  status: assistStatus(r),
  agent: { id: r.agentId, name: r.agentName },
  teamId: r.teamId,
  customerName: r.customerName,
  csq: { id: r.csqId, name: r.csqName },
  primarySupervisor: person(r.primaryId, r.primaryName),
  secondarySupervisor: person(r.secondaryId, r.secondaryName),
  alerted: assistRecipients(r),
  createdAt: new Date(r.createdAt).toISOString(),
  escalatedAt: iso(r.escalatedAt),
  answeredAt: iso(r.answeredAt),
  answeredBy: person(r.answeredBy, r.answeredByName),
  cancelledAt: iso(r.cancelledAt),
  endedAt: iso(r.endedAt),
});
export type AssistView = ReturnType<typeof presentAssist>;

/** How soon an escalation the database failed to record is tried again. */
const RETRY_MS = 5_000;

interface Pending {
  tenantId: string;
  id: string;
  due: number;
}

/**
 * The live side of assist requests: who is connected, the escalation timers and the events. A timer is a
 * promise to look again, not a decision: the database says whether the request is still open and not yet
 * escalated, and the update that escalates it wins once, so a restart or a second node never alerts twice.
 */
export class AssistDesk {
  readonly online = new OnlineUsers();
  readonly #pending = new Map<string, Pending>();
  readonly #watched = new Map<string, () => void>();
  #timer: NodeJS.Timeout | null = null;
  #notices: NoticePublisher | null = null;
  #contacts: Fanout<AcdEvent> | null = null;
  readonly db: Db;
  readonly clock: Clock;

  constructor(db: Db, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Connects the event streams and takes up the open requests stored before a restart: each tenant that has
   * one is watched again (its contacts may end later), requests whose contact ended or left its agent while
   * no server was watching are closed, and the escalations still due are scheduled.
   */
  async start(notices: NoticePublisher, contacts: Fanout<AcdEvent>): Promise<void> {
    this.#notices = notices;
    this.#contacts = contacts;
    for (const tenantId of await assistRepository.tenantsWithOpen(this.db)) this.watch(tenantId);
    for (const { tenantId, id } of await assistRepository.endOrphans(this.db, new Date(this.clock.now()))) {
      await this.announce(tenantId, id, 'assist.closed');
    }
    for (const row of await assistRepository.pendingEscalations(this.db)) {
      const due = escalationDue({ ...OPEN_SHAPE, kind: row.kind, createdAt: row.created_at.getTime() });
      if (due !== null) this.schedule(row.tenant_id, row.id, due);
    }
    await this.tick();
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    for (const off of this.#watched.values()) off();
    this.#watched.clear();
  }

  /** Follows a request: its escalation if one is due, and the end of its contact. */
  track(tenantId: string, request: AssistRequest & { id: string }): void {
    this.watch(tenantId);
    const due = escalationDue(request);
    if (due !== null) this.schedule(tenantId, request.id, due);
  }

  schedule(tenantId: string, id: string, due: number): void {
    this.watch(tenantId);
    this.#pending.set(id, { tenantId, id, due });
    this.#arm();
  }

  /** Escalates every request due by now (its own timer calls this; tests with a hand-moved clock too). */
  async tick(): Promise<void> {
    const now = this.clock.now();
    const due = [...this.#pending.values()].filter((p) => p.due <= now);
    for (const entry of due) {
      const { tenantId, id } = entry;
      try {
        const won = await assistRepository.update(this.db, tenantId, id, { escalated_at: new Date(now) });
        this.#pending.delete(id);
        if (won) await this.announce(tenantId, id, 'assist.escalated');
      } catch {
        // The database did not answer: the secondary is still to be alerted, so look again shortly.
        if (this.#pending.get(id) === entry) this.#pending.set(id, { ...entry, due: now + RETRY_MS });
      }
    }
    this.#arm();
  }

  /** Sends the request as it is now to its agent and the supervisors it concerns. */
  async announce(tenantId: string, id: string, type: AssistEventType): Promise<AssistView | null> {
    const request = await assistRepository.find(this.db, tenantId, id);
    if (!request) return null;
    if (type !== 'assist.requested' && type !== 'assist.escalated') this.#pending.delete(id);
    const userIds = new Set([request.agentId, ...assistRecipients(request)]);
    if (request.answeredBy) userIds.add(request.answeredBy);
    const view = presentAssist(request);
    const at = new Date(this.clock.now()).toISOString();
    await this.#notices?.publish(tenantId, [{ userIds, message: { type, at, request: view } }]);
    return view;
  }

  #arm(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const next = Math.min(...[...this.#pending.values()].map((p) => p.due));
    if (!Number.isFinite(next)) return;
    const delay = Math.max(0, Math.min(next - this.clock.now(), 2 ** 31 - 1));
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.tick().catch(() => this.#arm());
    }, delay);
    this.#timer.unref();
  }

  /**
   * A contact that ends, or goes back to a queue, closes its open request; an agent who leaves it (wrap-up,
   * a transfer) closes theirs: no one is then handling it as the request described.
   */
  watch(tenantId: string): void {
    if (this.#watched.has(tenantId) || !this.#contacts) return;
    const off = this.#contacts.subscribe(tenantId, (events) => {
      for (const event of events) {
        if (event.type === 'contact.ended' || event.type === 'contact.queued')
          void this.#end(tenantId, event.contactId, null);
        if (event.type === 'contact.transferred')
          void this.#end(tenantId, event.contactId, event.fromAgentId);
        if (event.type === 'contact.wrap_up_started')
          void this.#end(tenantId, event.contactId, event.agentId);
      }
    });
    this.#watched.set(tenantId, off);
  }

  async #end(tenantId: string, contactId: string, agentId: string | null): Promise<void> {
    try {
      const at = new Date(this.clock.now());
      for (const id of await assistRepository.endOn(this.db, tenantId, contactId, agentId, at)) {
        await this.announce(tenantId, id, 'assist.closed');
      }
    } catch {
      // The database did not answer: the request stays open until its agent or a supervisor closes it.
    }
  }
}

/** An open request's fields other than kind and time, to ask the core when its escalation is due. */
const OPEN_SHAPE: Omit<AssistRequest, 'kind' | 'createdAt'> = {
  primaryId: null,
  secondaryId: 'pending',
  escalatedAt: null,
  answeredAt: null,
  answeredBy: null,
  cancelledAt: null,
  endedAt: null,
};
