import type { Domain } from '@switchboard/core';
import { call, type Session } from '../testing/test-app.ts';
import { adminOf, type Center, type CenterAgent, type CsqName, sessionOf } from './reconciliation-center.ts';

/**
 * One request of the day; returns its status. A step the situation overtook (409, 404) is fine; a refused
 * request or a server error is a fault of the driver or the server.
 */
export async function step(
  center: Center,
  session: Session,
  method: 'POST' | 'PUT',
  url: string,
  body?: object,
): Promise<number> {
  const { status, body: answer } = await call(center.server, session, method, url, body);
  if (status >= 500 || status === 400 || status === 401 || status === 403)
    throw new Error(`${method} ${url} refused: ${status} ${JSON.stringify(answer)}`);
  return status;
}

/** An agent's request, signed in as that agent. */
export async function agentStep(center: Center, agent: CenterAgent, url: string, body?: object) {
  return step(center, await sessionOf(center, agent), 'POST', url, body);
}

/** The customer's side (or the channel's), with the write API key. */
export function customerStep(center: Center, method: 'POST' | 'PUT', url: string, body?: object) {
  return step(center, center.channel, method, url, body);
}

/** The channel domains an agent works in: voice, digital or both. */
export function domainsOf(center: Center, agent: CenterAgent): Domain[] {
  const channels = new Set(agent.csqs.map((name) => center.csqs[name].channel));
  return [
    ...(channels.has('voice') ? ['voice' as const] : []),
    ...(channels.has('chat') ? ['digital' as const] : []),
  ];
}

export async function setAgentState(
  center: Center,
  agent: CenterAgent,
  state: 'ready' | 'not_ready' | 'logged_out',
  reasonCode?: number,
): Promise<void> {
  const session = await sessionOf(center, agent);
  for (const domain of domainsOf(center, agent)) {
    const r = await call(center.server, session, 'PUT', `/agents/${agent.id}/state`, {
      domain,
      state,
      ...(reasonCode === undefined ? {} : { reasonCode }),
    });
    if (r.status !== 200) throw new Error(`state of ${agent.username}: ${JSON.stringify(r.body)}`);
  }
}

/** A customer calls or starts a chat in a CSQ; returns the contact's id. */
export async function arrive(center: Center, name: CsqName, callType: string, customer: string) {
  const { server, channel, csqs } = center;
  const csq = csqs[name];
  const created =
    csq.channel === 'voice'
      ? await call(server, channel, 'POST', '/contacts', { channel: 'voice', csqId: csq.id, callType })
      : await call(server, channel, 'POST', '/chats', {
          csqId: csq.id,
          callType,
          customer: { name: customer },
        });
  if (created.status !== 201) throw new Error(`arrival: ${JSON.stringify(created.body)}`);
  return (created.body.id ?? created.body.chatId) as string;
}

/** Captures the tenant's closed intervals, as an administrator would ask for it. */
export async function capture(center: Center): Promise<void> {
  const r = await call(center.server, await adminOf(center), 'POST', '/reports/capture');
  if (r.status !== 200) throw new Error(`capture: ${JSON.stringify(r.body)}`);
}
