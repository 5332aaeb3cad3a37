export * from './dial-pattern.ts';
export * from './dtmf.ts';
export * from './flow.ts';
export * from './flow-parse.ts';
export * from './flow-run.ts';
export * from './outbound-dial.ts';
export * from './recording.ts';
