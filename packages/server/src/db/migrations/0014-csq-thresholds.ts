/** A CSQ's alert thresholds for the supervisors' queue view (spec C6); null turns one off. */
export const csqThresholds = `
alter table csqs
  add column alert_service_level_below_percent integer
    check (alert_service_level_below_percent between 1 and 100),
  add column alert_longest_wait_above_seconds integer
    check (alert_longest_wait_above_seconds between 1 and 86400),
  add column alert_waiting_above integer check (alert_waiting_above between 1 and 10000);
`;
