/** A request for help on a contact (supervisor and emergency assist), as the API shows it. */
export interface AssistRequest {
  id: string;
  contactId: string;
  kind: 'help' | 'emergency';
  status: 'open' | 'answered' | 'cancelled' | 'ended';
  agent: { id: string; name: string };
  teamId: string | null;
  customerName: string | null;
  csq: { id: string; name: string };
  primarySupervisor: { id: string; name: string } | null;
  secondarySupervisor: { id: string; name: string } | null;
  /** The supervisors alerted so far. */
  alerted: string[];
  createdAt: string;
  escalatedAt: string | null;
  answeredAt: string | null;
  answeredBy: { id: string; name: string } | null;
  cancelledAt: string | null;
  endedAt: string | null;
}

export const isAboutAssist = (event: { type: string }) => event.type.startsWith('assist.');
