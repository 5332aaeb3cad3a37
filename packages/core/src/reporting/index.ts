export * from './agent-counts.ts';
export * from './contact-counts.ts';
export * from './detail-records.ts';
export * from './intervals.ts';
