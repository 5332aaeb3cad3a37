export * from './adherence/index.ts';
export * from './forecast/index.ts';
export * from './schedule/index.ts';
export * from './staffing/index.ts';
