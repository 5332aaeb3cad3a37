export * from './agent-counts.ts';
export * from './aggregate-interval.ts';
export * from './contact-counts.ts';
export * from './detail-records.ts';
export * from './intervals.ts';
export * from './settings.ts';
export * from './report-columns.ts';
