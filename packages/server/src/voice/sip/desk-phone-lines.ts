import type { Db } from '../../db/database.ts';
import { deskPhonesRepository } from '../desk-phones.repository.ts';
import type { MediaEngine } from '../media/media-engine.ts';
import type { Registrar } from './registrar.ts';
import { newTag, type PlacedCalls, type PlacedLine } from './uac-calls.ts';

/** What happens to a call when the agent's desk phone picks up, refuses, or hangs up. */
export interface DeskPhoneOutcomes {
  /** The phone picked up: the agent answers the call on `legId` (throws when the offer is gone). */
  answered(call: RungCall, legId: string): Promise<void>;
  /** The phone refused the call (busy, declined) or could not be reached. */
  refused(call: RungCall): Promise<void>;
  /** The agent hung up on the phone. */
  hungUp(call: RungCall): Promise<void>;
}

/** Rings agents' desk phones: false when the agent has none that is reachable (the desktop answers). */
export interface DeskPhoneRinger {
  ring(call: RungCall): Promise<boolean>;
  stopRinging(contactId: string): void;
  /** Whether the tenant's phone of `extension` is registered now. */
  registered(tenantId: string, extension: string): boolean;
}

export interface RungCall {
  tenantId: string;
  contactId: string;
  agentId: string;
  /** Who calls, as the phone's display shows it. */
  caller: string;
  /** Whether the offer the phone rings for is still the call's (not withdrawn, the call not over). */
  current(): boolean;
}

export interface DeskPhoneLinesDeps {
  db: Db;
  media: MediaEngine;
  registrar: Registrar;
  /** Where the INVITEs go out. */
  placed: PlacedCalls;
  /** Switchboard's own Contact URI. */
  contact: string;
}

/**
 * Calls to agents' desk phones (docs/voice.md, "Desk phones"): a call offered to an agent signed in with a desk
 * phone's extension rings that phone, if it is registered: an INVITE with the media engine's plain RTP offer. The
 * phone's answer is the agent's; its refusal declines the offer; its BYE is the agent's hang-up. When the leg ends
 * here (the call ended, was transferred, or the offer withdrawn), the phone gets a CANCEL or a BYE.
 */
export class DeskPhoneLines implements DeskPhoneRinger {
  readonly #deps: DeskPhoneLinesDeps;
  readonly #placed: PlacedCalls;
  readonly #byContact = new Map<string, PlacedLine>();
  #outcomes: DeskPhoneOutcomes | null = null;

  constructor(deps: DeskPhoneLinesDeps) {
    this.#deps = deps;
    this.#placed = deps.placed;
  }

  /** Who is told what the phones do with their calls (the call controller). */
  handOutcomesTo(outcomes: DeskPhoneOutcomes): void {
    this.#outcomes = outcomes;
  }

  /** Rings the agent's desk phone; false when they have none, or it is not registered (the desktop answers). */
  async ring(call: RungCall): Promise<boolean> {
    const { db, registrar, media } = this.#deps;
    const phone = await deskPhonesRepository.findByAgent(db, call.tenantId, call.agentId);
    const binding = phone && registrar.bindingOf(call.tenantId, phone.extension);
    if (!binding || binding.phoneId !== phone.id || binding.secretId !== phone.secretId) return false;
    const { legId, offerSdp } = await media.offerRtp();
    if (!call.current()) {
      // The offer went elsewhere while the phone was looked up: nothing rings.
      await media.hangUp(legId);
      return true;
    }
    const host = this.#deps.contact.replace(/^sip:[^@]*@/, '');
    const forget = () => {
      if (this.#byContact.get(call.contactId) === line) this.#byContact.delete(call.contactId);
    };
    const line = this.#placed.place(
      {
        legId,
        offerSdp,
        uri: binding.uri,
        to: { uri: `sip:${binding.sipUsername}@${host}`, params: {} },
        from: { name: `"${call.caller}"`, uri: `sip:${call.caller}@${host}`, params: { tag: newTag() } },
      },
      {
        answered: async () => {
          // The call's next offer may ring another phone before this one answers: only this one goes.
          forget();
          await this.#outcomes?.answered(call, legId);
        },
        refused: async () => {
          forget();
          await this.#outcomes?.refused(call);
        },
        hungUp: async () => {
          forget();
          await this.#outcomes?.hungUp(call);
        },
      },
    );
    this.#byContact.set(call.contactId, line);
    return true;
  }

  registered(tenantId: string, extension: string): boolean {
    return this.#deps.registrar.bindingOf(tenantId, extension) !== undefined;
  }

  /**
   * Stops a phone ringing for this call (answered in the desktop, the offer withdrawn): at once, so that the next
   * offer of the call may ring another phone.
   */
  stopRinging(contactId: string): void {
    const line = this.#byContact.get(contactId);
    if (!line || line.answered) return;
    this.#byContact.delete(contactId);
    this.#placed.end(line);
  }
}
