/** Shapes of the REST API that the desktop reads (see /api/openapi.json). */
export type Role = 'administrator' | 'supervisor' | 'agent' | 'service';
export type Channel = 'voice' | 'chat' | 'email';
export type Domain = 'voice' | 'digital';
export type AgentStateName = 'logged_out' | 'not_ready' | 'ready' | 'reserved' | 'active' | 'work';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  alias: string | null;
  shownName: string;
  extension: string | null;
  teamId: string | null;
  skills: { skillId: string; competence: number }[];
  active: boolean;
  teamMessagesEnabled?: boolean;
}

export interface Team {
  id: string;
  name: string;
  primarySupervisorId: string | null;
  secondarySupervisorId: string | null;
}

export interface Skill {
  id: string;
  name: string;
}

export type Criterion =
  | 'longest_available'
  | 'most_skilled'
  | 'least_skilled'
  | 'linear'
  | 'circular'
  | 'most_handled'
  | 'shortest_aht';

export interface Csq {
  id: string;
  name: string;
  channel: Channel;
  criterion: Criterion;
  skills: { skillId: string; minCompetence: number }[];
  agentOrder: string[];
  serviceLevelSeconds?: number;
  thresholds?: QueueThresholds;
}

/** When the queue view warns about a CSQ; null: never. */
export interface QueueThresholds {
  serviceLevelBelowPercent: number | null;
  longestWaitAboveSeconds: number | null;
  waitingAbove: number | null;
}

export interface ReasonCode {
  id: string;
  kind: 'not_ready' | 'logout';
  code: number;
  label: string;
  /** Given by the product ("Connection lost"): may be renamed, not deleted. */
  system?: boolean;
}

export interface DomainState {
  state: AgentStateName;
  reasonCode: number | null;
  since: string;
}

export interface AgentLive {
  id: string;
  voice: DomainState;
  digital: DomainState;
  load: { voice: number; chat: number; email: number };
  capacity: { chat: number; email: number };
  contacts: string[];
  csqs: string[];
}

export type ContactStatus = 'queued' | 'offered' | 'active' | 'wrap_up' | 'ended';

export interface Contact {
  id: string;
  externalId: string | null;
  channel: Channel;
  csqId: string;
  callType: string;
  priority: number;
  attributes: Record<string, string>;
  status: ContactStatus;
  agentId: string | null;
  createdAt: string;
  queuedAt: string;
  acceptedAt: string | null;
  endedAt: string | null;
  outcome: string | null;
  wrapUpReasons: string[] | null;
  /** Group chat: agents who joined besides the owner (`agentId`). */
  guests: { agentId: string; joinedAt: string }[];
  /** Group chat: the invitation ringing now. */
  invitation: { agentId: string; inviterId: string; csqId: string; deadline: string } | null;
}

export interface LiveEvent {
  type: string;
  at: string;
  contactId?: string;
  agentId?: string;
  csqId?: string;
  deadline?: number | null;
  domain?: Domain;
  state?: AgentStateName;
  [key: string]: unknown;
}

/** One message of a web chat, numbered in its chat. */
export interface ChatLine {
  seq: number;
  from: 'customer' | 'agent';
  alias: string | null;
  text: string;
  at: string;
}

export interface AgentChat {
  contactId: string;
  customer: {
    name: string | null;
    email: string | null;
    phone: string | null;
    fields: Record<string, string>;
  };
  problemStatement: string | null;
  rating: { rating: number; comment: string | null } | null;
  messages: ChatLine[];
}

/** A supervisor's note to a chat's agents alone. */
export interface Whisper {
  id: string;
  from: { id: string; name: string };
  text: string;
  at: string;
}

/** A chat a supervisor monitors. */
export interface MonitoredChat extends AgentChat {
  agentId: string;
  barged: boolean;
  whispers: Whisper[];
}

export interface PredefinedResponse {
  id: string;
  channel: 'chat' | 'email';
  title: string;
  body: string;
  /** Offered in every CSQ of its channel; otherwise in `csqIds` only. */
  global: boolean;
  csqIds: string[];
}

export interface WrapUpCategory {
  id: string;
  name: string;
  global: boolean;
  csqIds: string[];
  reasons: { id: string; name: string }[];
}
