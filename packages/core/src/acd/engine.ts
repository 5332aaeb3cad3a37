import type { Clock } from '../clock.ts';
import { configureCsq, removeCsq, setAgentState, upsertAgent } from './agent-commands.ts';
import {
  acceptOffer,
  completeContact,
  createContact,
  customerLeft,
  declineOffer,
  dequeueContact,
  endWrapUp,
  type WrapUp,
} from './contact-commands.ts';
import {
  changeCallType,
  customerActivity,
  holdContact,
  noteFlow,
  noteRecording,
  requeueContact,
  type TransferTarget,
  transferContact,
} from './contact-moves.ts';
import { desktopLost } from './desktop-lost.ts';
import type { AcdEvent, RecordingAction } from './events.ts';
import {
  acceptInvite,
  declineInvite,
  type InviteTarget,
  invite,
  inviteTargets,
  leaveChat,
} from './group-chat.ts';
import {
  type AgentConfig,
  type ChannelParams,
  type ChosenState,
  type CsqConfig,
  DEFAULT_CHANNEL_PARAMS,
  type Domain,
  type FlowTaken,
  type NewContact,
} from './model.ts';
import { type DialResult, dialOut, noteDialResult, type OutboundCall } from './outbound.ts';
import { positionInLine } from './queue-position.ts';
import { type AgentSnapshot, type ContactSnapshot, restore } from './recovery.ts';
import { type AcdState, createState, type Selection } from './state.ts';
import { fireDueTimers, nextDeadline } from './timers.ts';
import { type TransferTargets, transferTargets } from './transfer-targets.ts';
import { type AcdView, type AgentView, type ContactView, viewAgent, viewContact, viewOf } from './view.ts';

/**
 * The automatic contact distributor: a pure, deterministic state machine. Each command applies one decision,
 * fires any timers already due, and returns the events it produced, in order. A command that is refused
 * throws a SwitchboardError and changes nothing observable.
 */
export class AcdEngine {
  readonly #state: AcdState;

  constructor(
    clock: Clock,
    params: ChannelParams = DEFAULT_CHANNEL_PARAMS,
    { selection = 'indexed' }: { selection?: Selection } = {},
  ) {
    this.#state = createState(clock, params, selection);
  }

  get selection(): Selection {
    return this.#state.selection;
  }

  /**
   * Switches between the CSQ indexes and the reference scan; both make the same decisions. Switching back to
   * the indexes re-files every agent.
   */
  setSelection(selection: Selection): void {
    const state = this.#state;
    if (state.selection === selection) return;
    state.selection = selection;
    if (selection === 'indexed') for (const csq of state.csqs.values()) csq.reorder();
  }

  get params(): ChannelParams {
    return this.#state.params;
  }

  setParams(params: ChannelParams): AcdEvent[] {
    return this.#run(() => {
      this.#state.params = params;
    });
  }

  upsertAgent(config: AgentConfig): AcdEvent[] {
    return this.#run(() => upsertAgent(this.#state, config));
  }

  configureCsq(config: CsqConfig): AcdEvent[] {
    return this.#run(() => configureCsq(this.#state, config));
  }

  removeCsq(csqId: string): AcdEvent[] {
    return this.#run(() => removeCsq(this.#state, csqId));
  }

  setAgentState(
    agentId: string,
    domain: Domain,
    state: ChosenState,
    reasonCode: number | null = null,
  ): AcdEvent[] {
    return this.#run(() => setAgentState(this.#state, agentId, domain, state, reasonCode));
  }

  /** The agent's desktop has been gone past the grace period: Ready (or Reserved) becomes Not Ready. */
  desktopLost(agentId: string, reasonCode: number | null): AcdEvent[] {
    return this.#run(() => desktopLost(this.#state, agentId, reasonCode));
  }

  createContact(contact: NewContact): AcdEvent[] {
    return this.#run(() => createContact(this.#state, contact));
  }

  /** The agent places a call (see `dialOut`). */
  dialOut(agentId: string, call: OutboundCall): AcdEvent[] {
    return this.#run(() => dialOut(this.#state, agentId, call));
  }

  /** How the far end of an outbound call answered (see `noteDialResult`). */
  noteDialResult(contactId: string, result: DialResult, sipStatus: number): AcdEvent[] {
    return this.#run(() => noteDialResult(this.#state, contactId, result, sipStatus));
  }

  accept(agentId: string, contactId: string): AcdEvent[] {
    return this.#run(() => acceptOffer(this.#state, agentId, contactId));
  }

  reject(agentId: string, contactId: string): AcdEvent[] {
    return this.#run(() => declineOffer(this.#state, agentId, contactId, 'rejected'));
  }

  complete(agentId: string, contactId: string): AcdEvent[] {
    return this.#run(() => completeContact(this.#state, agentId, contactId, 'agent'));
  }

  endWrapUp(agentId: string, contactId: string, wrapUp: WrapUp): AcdEvent[] {
    return this.#run(() => endWrapUp(this.#state, agentId, contactId, wrapUp));
  }

  transfer(
    agentId: string,
    contactId: string,
    target: TransferTarget,
    note: string | null = null,
  ): AcdEvent[] {
    return this.#run(() => transferContact(this.#state, agentId, contactId, target, note));
  }

  requeue(agentId: string, contactId: string, csqId: string): AcdEvent[] {
    return this.#run(() => requeueContact(this.#state, agentId, contactId, csqId));
  }

  hold(agentId: string, contactId: string, held: boolean): AcdEvent[] {
    return this.#run(() => holdContact(this.#state, agentId, contactId, held));
  }

  /** Group chat: invites the best available agent of a chat CSQ into an active chat (see group-chat.ts). */
  invite(agentId: string, contactId: string, csqId: string, notes: string | null = null): AcdEvent[] {
    return this.#run(() => invite(this.#state, agentId, contactId, csqId, notes));
  }

  acceptInvite(agentId: string, contactId: string): AcdEvent[] {
    return this.#run(() => acceptInvite(this.#state, agentId, contactId));
  }

  declineInvite(agentId: string, contactId: string): AcdEvent[] {
    return this.#run(() => declineInvite(this.#state, agentId, contactId, 'rejected'));
  }

  /** An agent leaves a chat another agent is in. */
  leave(agentId: string, contactId: string): AcdEvent[] {
    return this.#run(() => leaveChat(this.#state, agentId, contactId));
  }

  /** The chat CSQs an agent in this chat may invite from, with how many agents could take it now. */
  inviteTargets(agentId: string, contactId: string): InviteTarget[] {
    return inviteTargets(this.#state, agentId, contactId);
  }

  /** The CSQs of the contact's channel and the signed-in agents it could be transferred to, and who could take it now. */
  transferTargets(agentId: string, contactId: string): TransferTargets {
    return transferTargets(this.#state, agentId, contactId);
  }

  customerLeft(contactId: string): AcdEvent[] {
    return this.#run(() => customerLeft(this.#state, contactId));
  }

  customerActivity(contactId: string): AcdEvent[] {
    return this.#run(() => customerActivity(this.#state, contactId));
  }

  noteRecording(contactId: string, recordingId: string, action: RecordingAction): AcdEvent[] {
    return this.#run(() => noteRecording(this.#state, contactId, recordingId, action));
  }

  noteFlow(contactId: string, flow: FlowTaken): AcdEvent[] {
    return this.#run(() => noteFlow(this.#state, contactId, flow));
  }

  changeCallType(contactId: string, callType: string): AcdEvent[] {
    return this.#run(() => changeCallType(this.#state, contactId, callType));
  }

  dequeue(contactId: string): AcdEvent[] {
    return this.#run(() => dequeueContact(this.#state, contactId));
  }

  /** Rebuilds the router from storage after a restart; see recovery.ts. */
  restore(agents: AgentSnapshot[], contacts: ContactSnapshot[]): AcdEvent[] {
    return this.#run(() => restore(this.#state, agents, contacts));
  }

  /** Fires the timers due by the clock's now (offer no-answer, join, inactivity, sticky, wrap-up). */
  tick(): AcdEvent[] {
    return this.#run(() => {});
  }

  nextDeadline(): number | null {
    return nextDeadline(this.#state);
  }

  /** A read-only view for supervisors, tests and recovery. */
  view(): AcdView {
    return viewOf(this.#state);
  }

  agent(agentId: string): AgentView | undefined {
    const agent = this.#state.agents.get(agentId);
    return agent && viewAgent(agent);
  }

  /** A contact the router still holds; undefined once it has ended. */
  contact(contactId: string): ContactView | undefined {
    const contact = this.#state.contacts.get(contactId);
    return contact && viewContact(contact);
  }

  /** A queued contact's place in its CSQ's line (1 = next), by priority then age; null when not in a line. */
  queuePosition(contactId: string): number | null {
    const contact = this.#state.contacts.get(contactId);
    if (contact?.status !== 'queued') return null;
    const line = this.#state.csqs.get(contact.csqId)?.waiting;
    if (!line?.has(contact)) return null;
    return positionInLine(line.values(), contact);
  }

  csqWaiting(csqId: string): number {
    return this.#state.csqs.get(csqId)?.waitingCount ?? 0;
  }

  #run(command: () => void): AcdEvent[] {
    const state = this.#state;
    fireDueTimers(state);
    command();
    fireDueTimers(state);
    const events = state.events;
    state.events = [];
    return events;
  }
}
