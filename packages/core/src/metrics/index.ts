export * from './agent-day.ts';
export * from './external-state.ts';
export * from './service-level.ts';
export * from './thresholds.ts';
