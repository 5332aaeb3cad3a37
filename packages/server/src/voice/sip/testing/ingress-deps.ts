import { SecretStore } from '../../../secrets/secret-store.ts';
import { TEST_MASTER_KEYS, type TestApp } from '../../../testing/test-app.ts';
import type { SipIngressDeps } from '../sip-ingress.ts';

/** What a SIP ingress of a test needs from the test's server: its database, router, secrets and calls. */
export const ingressDeps = (server: TestApp): SipIngressDeps => ({
  db: server.database.db,
  acd: server.acd,
  secrets: new SecretStore(server.database.db, TEST_MASTER_KEYS),
  calls: server.voice,
  now: () => server.clock.now(),
});
