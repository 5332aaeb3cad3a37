import type { FlowStepRecord } from '../voice/flow-run.ts';
import type { AgentState, Channel, Domain, Outcome } from './model.ts';
import type { DialResult } from './outbound.ts';

/** Why something happened when the engine, not a person, decided it. */
export type Cause =
  | 'no_answer'
  | 'rejected'
  | 'requeued'
  | 'transferred'
  | 'logout'
  | 'customer'
  | 'agent'
  | 'inactivity'
  | 'sticky_timeout'
  | 'system'
  | 'recovered';

/** A step of a call flow done, and when (epoch ms). */
export type FlowStepDone = FlowStepRecord & { readonly at: number };

/** What happened to a call's recording. */
export type RecordingAction = 'started' | 'paused' | 'resumed' | 'stopped';

interface At {
  at: number;
}

export type ContactEvent = At &
  (
    | {
        type: 'contact.created';
        contactId: string;
        channel: Channel;
        csqId: string;
        callType: string;
        priority: number;
      }
    | {
        /** An agent placed a call (never queued nor offered: theirs from the start). */
        type: 'contact.dialled';
        contactId: string;
        channel: 'voice';
        csqId: string;
        callType: string;
        agentId: string;
      }
    | {
        type: 'contact.dial_result';
        contactId: string;
        agentId: string | null;
        result: DialResult;
        /** The SIP status the far end answered with (200 when answered). */
        sipStatus: number;
      }
    | {
        type: 'contact.queued';
        contactId: string;
        csqId: string;
        stickyAgentId: string | null;
        cause: Cause | null;
      }
    | { type: 'contact.offered'; contactId: string; csqId: string; agentId: string; deadline: number | null }
    | { type: 'contact.accepted'; contactId: string; csqId: string; agentId: string; waitedMs: number }
    | { type: 'contact.offer_withdrawn'; contactId: string; agentId: string; cause: Cause }
    | { type: 'contact.held'; contactId: string; agentId: string }
    | { type: 'contact.resumed'; contactId: string; agentId: string }
    | {
        type: 'contact.transferred';
        contactId: string;
        fromAgentId: string;
        toCsqId: string | null;
        toAgentId: string | null;
        /** From the transferring agent to whoever receives the contact; never for the customer. */
        note: string | null;
      }
    | { type: 'contact.call_type_changed'; contactId: string; callType: string }
    | {
        type: 'contact.recording';
        contactId: string;
        agentId: string | null;
        recordingId: string;
        action: RecordingAction;
      }
    | {
        type: 'contact.flow';
        contactId: string;
        flowId: string;
        flowVersion: number;
        /** The call flow's steps the caller went through, each when it was done. */
        steps: readonly FlowStepDone[];
      }
    | { type: 'contact.join_timeout'; contactId: string }
    | {
        type: 'contact.invited';
        contactId: string;
        csqId: string;
        agentId: string;
        inviterId: string;
        deadline: number;
      }
    | { type: 'contact.invite_ended'; contactId: string; agentId: string; inviterId: string; cause: Cause }
    | {
        type: 'contact.participant_joined';
        contactId: string;
        csqId: string;
        agentId: string;
        inviterId: string;
      }
    | {
        type: 'contact.participant_left';
        contactId: string;
        agentId: string;
        cause: Cause;
        /** Who owns the chat afterwards (the remaining agent when the owner left). */
        ownerId: string | null;
      }
    | { type: 'contact.wrap_up_started'; contactId: string; agentId: string; endedBy: Cause }
    | { type: 'contact.wrap_up_ended'; contactId: string; agentId: string; reasons: string[] }
    | { type: 'contact.ended'; contactId: string; outcome: Outcome; endedBy: Cause; agentId: string | null }
  );

export interface AgentStateEvent extends At {
  type: 'agent.state_changed';
  agentId: string;
  domain: Domain;
  state: AgentState;
  previous: AgentState;
  reasonCode: number | null;
  cause: Cause | null;
}

export type AcdEvent = ContactEvent | AgentStateEvent;
