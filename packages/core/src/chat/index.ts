export * from './customer-view.ts';
export * from './form.ts';
export * from './monitoring.ts';
export * from './note.ts';
export * from './rate-limiter.ts';
export * from './record.ts';
export * from './text.ts';
export * from './transcript.ts';
