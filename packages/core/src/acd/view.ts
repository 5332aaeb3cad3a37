import type { AgentRuntime } from './agent-runtime.ts';
import type { ContactRuntime, Guest, Invite } from './contact-runtime.ts';
import type { AgentState, Channel, ChosenState, ContactStatus, Direction, Domain } from './model.ts';
import type { AcdState } from './state.ts';

export interface AgentView {
  id: string;
  state: Record<Domain, AgentState>;
  chosen: Record<Domain, ChosenState>;
  reasonCode: Record<Domain, number | null>;
  changedAt: Record<Domain, number>;
  load: Record<Channel, number>;
  pendingOffer: Record<Domain, string | null>;
  contacts: string[];
  csqs: string[];
  capacity: { chat: number; email: number };
  skills: Record<string, number>;
}

export interface ContactView {
  id: string;
  channel: Channel;
  direction: Direction;
  csqId: string;
  callType: string;
  priority: number;
  status: ContactStatus;
  seq: number;
  queuedAt: number;
  createdAt: number;
  agentId: string | null;
  acceptedAt: number | null;
  wrapUpAt: number | null;
  excluded: string[];
  stickyAgentId: string | null;
  joinTimeoutSent: boolean;
  guests: Guest[];
  invite: Invite | null;
  decliners: string[];
}

export interface CsqView {
  id: string;
  channel: Channel;
  waiting: number;
  members: string[];
}

export interface AcdView {
  agents: AgentView[];
  contacts: ContactView[];
  csqs: CsqView[];
}

export function viewOf(state: AcdState): AcdView {
  return {
    agents: [...state.agents.values()].map(viewAgent),
    contacts: [...state.contacts.values()].map(viewContact),
    csqs: [...state.csqs.values()].map((q) => ({
      id: q.config.id,
      channel: q.config.channel,
      waiting: q.waitingCount,
      members: [...q.members.keys()].map((a) => a.id),
    })),
  };
}

export function viewAgent(a: AgentRuntime): AgentView {
  return {
    id: a.id,
    state: { voice: a.shown('voice'), digital: a.shown('digital') },
    chosen: { voice: a.chosen('voice'), digital: a.chosen('digital') },
    reasonCode: { voice: a.reasonCode('voice'), digital: a.reasonCode('digital') },
    changedAt: { voice: a.changedAt('voice'), digital: a.changedAt('digital') },
    load: { voice: a.load('voice'), chat: a.load('chat'), email: a.load('email') },
    pendingOffer: { voice: a.pendingOffer('voice'), digital: a.pendingOffer('digital') },
    contacts: [...a.contacts],
    csqs: [...a.csqs.keys()],
    capacity: { ...a.config.capacity },
    skills: { ...a.config.skills },
  };
}

export function viewContact(c: ContactRuntime): ContactView {
  return {
    id: c.id,
    channel: c.channel,
    direction: c.direction,
    csqId: c.csqId,
    callType: c.callType,
    priority: c.priority,
    status: c.status,
    seq: c.seq,
    queuedAt: c.queuedAt,
    createdAt: c.createdAt,
    agentId: c.agentId,
    acceptedAt: c.acceptedAt,
    wrapUpAt: c.wrapUpAt,
    excluded: [...c.excluded],
    stickyAgentId: c.stickyAgentId,
    joinTimeoutSent: c.joinTimeoutSent,
    guests: c.guests.map((g) => ({ ...g })),
    invite: c.invite && { ...c.invite },
    decliners: [...c.decliners],
  };
}
