export * from './acd/index.ts';
export * from './clock.ts';
export * from './errors.ts';
export * from './limits.ts';
export * from './login-throttle.ts';
export * from './policy.ts';
export * from './roles.ts';
export * from './tenant-settings.ts';
