export { freshPostgresDatabase, POSTGRES_ENV, postgresForTests } from './postgres.ts';
