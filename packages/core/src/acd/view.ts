import type { AgentState, Channel, ChosenState, ContactStatus, Domain } from './model.ts';
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
    agents: [...state.agents.values()].map((a) => ({
      id: a.id,
      state: { ...a.shown },
      chosen: { ...a.chosen },
      reasonCode: { ...a.reasonCode },
      changedAt: { ...a.changedAt },
      load: { ...a.load },
      pendingOffer: { ...a.pendingOffer },
      contacts: [...a.contacts],
      csqs: [...a.csqs],
      capacity: { ...a.config.capacity },
      skills: { ...a.config.skills },
    })),
    contacts: [...state.contacts.values()].map((c) => ({
      id: c.id,
      channel: c.channel,
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
    })),
    csqs: [...state.csqs.values()].map((q) => ({
      id: q.config.id,
      channel: q.config.channel,
      waiting: q.waitingCount,
      members: [...q.members].map((a) => a.id),
    })),
  };
}
