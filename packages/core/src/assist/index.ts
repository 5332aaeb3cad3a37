export * from './assist-request.ts';
