export { type AppOptions, buildApp } from './app.ts';
export { systemPrincipal } from './auth/principal.ts';
export { SigningKeys } from './auth/signing-keys.ts';
export {
  type Database,
  type DatabaseOptions,
  type Db,
  isReady,
  migrate,
  openDatabase,
} from './db/database.ts';
export { createUser, type NewUserInput } from './directory/users.service.ts';
export type { App } from './http/app-types.ts';
export { BossJobQueue } from './jobs/boss-queue.ts';
export { type IntervalFileFormat, XLSX_TYPE } from './reporting/interval-history-files.ts';
export {
  exportIntervalHistory,
  type IntervalImportPreview,
  type IntervalImportSummary,
  importIntervalFile,
  previewIntervalFile,
  tenantIdNamed,
} from './reporting/interval-import.ts';
export {
  generateMasterKeyring,
  loadMasterKeys,
  MasterKeyError,
  type MasterKeyring,
  parseMasterKeys,
} from './secrets/master-keys.ts';
export { SecretStore } from './secrets/secret-store.ts';
export { DEMO_AGENTS, DEMO_CSQS, seedDemo } from './tenancy/demo-seed.ts';
export {
  createTenant,
  createUserInTenant,
  type DemoCredentials,
  ensureFirstTenant,
  type NewTenant,
  resetPasswordInTenant,
} from './tenancy/tenants.service.ts';
export type { SipTrunk } from './voice/sip/trunk-calls.ts';
export { createForecast, publishForecast } from './wfm/forecasts.service.ts';
export { importPlannedActivities } from './wfm/planned-activities.ts';
export { workloadsRepository } from './wfm/workloads.ts';
