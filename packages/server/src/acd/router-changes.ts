import type { AcdRuntime } from './acd-runtime.ts';

/**
 * What a configuration service tells the running routers after its transaction has committed, so the next
 * routing decision sees the change. None when no router runs (seeding a tenant before the server starts).
 */
export type RouterChanges = Pick<AcdRuntime, 'agentChanged' | 'csqChanged' | 'settingsChanged'>;
