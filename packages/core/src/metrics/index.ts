export * from './queue-legs.ts';
export * from './service-level.ts';
