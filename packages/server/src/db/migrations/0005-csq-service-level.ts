/** Each CSQ's service-level threshold in seconds (METRICS.md: answered with a wait at or below it). */
export const csqServiceLevel = `
alter table csqs add column service_level_seconds integer not null default 20
  check (service_level_seconds between 1 and 3600);
`;
