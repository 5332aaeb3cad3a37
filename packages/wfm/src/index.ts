export * from './adherence/index.ts';
export * from './forecast/index.ts';
