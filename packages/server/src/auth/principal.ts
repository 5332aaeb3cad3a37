import type { Actor } from '@switchboard/core';

/** The authenticated caller of a request: an Actor plus what the audit log and sign-out need. */
export interface Principal extends Actor {
  name: string;
  sessionId?: string;
}

/** Changes made from the command line are attributed to this principal in the audit log. */
export const systemPrincipal = (tenantId: string): Principal => ({
  tenantId,
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'administrator',
  name: 'system',
});
