import { randomBytes } from 'node:crypto';
import { ApiClient, ApiError } from './api.ts';

interface Named {
  id: string;
  name: string;
}

/** Where a simulation runs: the queues customers arrive in (chat), the agents, a Not Ready code for breaks. */
export interface SimulationSite {
  csqIds: string[];
  breakCode: number | null;
  agents: { id: string; username: string; client: ApiClient }[];
}

export const SIMULATION_SKILL = 'Simulation';
export const SIMULATION_CSQ = 'Simulation chat';
const PARALLEL = 4;

/**
 * Makes what a simulation needs, idempotently, as an administrator: a skill, a chat CSQ that requires it,
 * and `count` agents `sim-agent-NN` with that skill (existing ones get a fresh password for this run). Every
 * agent is then signed in.
 */
export async function prepareSite(admin: ApiClient, tenant: string, count: number): Promise<SimulationSite> {
  const skills = await admin.request<Named[]>('GET', '/skills');
  const skill =
    skills.find((s) => s.name === SIMULATION_SKILL) ??
    (await admin.request<Named>('POST', '/skills', { name: SIMULATION_SKILL }));
  const csqs = await admin.request<Named[]>('GET', '/csqs');
  const csq =
    csqs.find((q) => q.name === SIMULATION_CSQ) ??
    (await admin.request<Named>('POST', '/csqs', {
      name: SIMULATION_CSQ,
      channel: 'chat',
      criterion: 'longest_available',
      skills: [{ skillId: skill.id, minCompetence: 1 }],
    }));
  const codes = await admin.request<{ code: number }[]>('GET', '/reason-codes?kind=not_ready');
  const users = await allAgents(admin);
  const password = `Sim-${randomBytes(12).toString('base64url')}`;
  const agents: SimulationSite['agents'] = [];
  const prepareAgent = async (n: number) => {
    const username = `sim-agent-${String(n).padStart(3, '0')}`;
    let user = users.find((u) => u.username === username);
    const skillsBody = { skills: [{ skillId: skill.id, competence: 1 + (n % 10) }] };
    if (user) {
      await admin.request('PUT', `/users/${user.id}/password`, { password });
      await admin.request('PUT', `/users/${user.id}/skills`, skillsBody);
    } else {
      user = await admin.request<{ id: string; username: string }>('POST', '/users', {
        username,
        displayName: `Simulated agent ${n}`,
        role: 'agent',
        password,
        ...skillsBody,
      });
    }
    return { id: user.id, username, client: await signInAgent(admin.baseUrl, tenant, username, password) };
  };
  // A few at a time: password hashing is the server's slow step, and it has a small pool of threads for it.
  for (let first = 1; first <= count; first += PARALLEL) {
    const batch = [];
    for (let n = first; n < first + PARALLEL && n <= count; n++) batch.push(prepareAgent(n));
    agents.push(...(await Promise.all(batch)));
  }
  return { csqIds: [csq.id], breakCode: codes[0]?.code ?? null, agents };
}

export async function signInAgent(baseUrl: string, tenant: string, username: string, password: string) {
  try {
    return await ApiClient.signIn(baseUrl, tenant, username, password);
  } catch (error) {
    if (error instanceof ApiError && error.status === 429) {
      throw new Error('Sign-in is being throttled; wait a few minutes or simulate with fewer agents.');
    }
    throw error;
  }
}

async function allAgents(admin: ApiClient): Promise<{ id: string; username: string }[]> {
  const page = 200;
  const all: { id: string; username: string }[] = [];
  for (let offset = 0; ; offset += page) {
    const batch = await admin.request<{ id: string; username: string }[]>(
      'GET',
      `/users?role=agent&limit=${page}&offset=${offset}`,
    );
    all.push(...batch);
    if (batch.length < page) return all;
  }
}
