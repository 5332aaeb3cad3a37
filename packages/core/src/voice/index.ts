export * from './recording.ts';
