export { type AppOptions, buildApp } from './app.ts';
export { type Database, type DatabaseOptions, type Db, isReady, migrate, openDatabase } from './db/database.ts';
export type { App } from './http/app-types.ts';
export { createTenant, type DemoCredentials, ensureFirstTenant, type NewTenant } from './tenancy/tenants.service.ts';
export { createUser, type NewUserInput } from './directory/users.service.ts';
export { systemPrincipal } from './auth/principal.ts';
