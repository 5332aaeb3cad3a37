import { DEFAULT_ABANDON_RULE } from '@switchboard/core';
import { DEMO_AGENTS, DEMO_CSQS } from '@switchboard/server';
import { ApiClient } from './api.ts';
import { runLiveSimulation } from './live-run.ts';
import { signInAgent } from './setup.ts';

export interface DemoCredentials {
  tenant: string;
  username: string;
  password: string;
}

/**
 * The gentle simulation a fresh demo runs so that its screens move at once: the demo's eight agents take chats
 * arriving in its three queues, through the public API, until the server stops.
 */
export function startDemoSimulation(url: string, credentials: DemoCredentials): { stop(): Promise<void> } {
  const abort = new AbortController();
  const running = (async () => {
    const admin = await ApiClient.signIn(url, credentials.tenant, credentials.username, credentials.password);
    const csqs = await admin.request<{ id: string; name: string }[]>('GET', '/csqs');
    const users = await admin.request<{ id: string; username: string }[]>(
      'GET',
      '/users?role=agent&limit=500',
    );
    const codes = await admin.request<{ code: number }[]>('GET', '/reason-codes?kind=not_ready');
    const agents = [];
    for (const username of DEMO_AGENTS) {
      const user = users.find((u) => u.username === username);
      if (user) {
        const client = await signInAgent(url, credentials.tenant, username, credentials.password);
        agents.push({ id: user.id, username, client });
      }
    }
    const names: readonly string[] = DEMO_CSQS.map((q) => q.name);
    await runLiveSimulation({
      admin,
      site: {
        csqIds: csqs.filter((q) => names.includes(q.name)).map((q) => q.id),
        agents,
        breakCode: codes[0]?.code ?? null,
      },
      arrivalsPerMinute: 4,
      ahtSeconds: 150,
      wrapUpSeconds: 15,
      patienceSeconds: 300,
      durationSeconds: Number.POSITIVE_INFINITY,
      speed: 1,
      serviceLevelSeconds: 20,
      abandonRule: DEFAULT_ABANDON_RULE,
      seed: 1,
      breakChance: 0.1,
      signal: abort.signal,
    });
  })().catch((error: unknown) => {
    console.error(`The demo simulation stopped: ${error instanceof Error ? error.message : String(error)}`);
  });
  return {
    stop: async () => {
      abort.abort();
      await running;
    },
  };
}
