export * from './agent-counts.ts';
export * from './aggregate-interval.ts';
export * from './contact-counts.ts';
export * from './detail-records.ts';
export {
  type DetectedColumn,
  INTERVAL_COLUMN_FIELDS,
  INTERVAL_FIELD_LABELS,
  type IntervalColumnField,
  type IntervalMapping,
  type IntervalMappingTarget,
} from './interval-columns.ts';
export {
  type IntervalFileError,
  type IntervalFileOptions,
  IntervalFileReader,
  type IntervalFileReading,
  type IntervalRow,
  isIntervalMinutes,
  readIntervalTable,
} from './interval-file.ts';
export {
  type IntervalCell,
  type IntervalColumnKind,
  type IntervalTable,
  type IntervalWriteOptions,
  intervalTable,
} from './interval-file-write.ts';
export { formatInstantInZone, wallClockAt } from './interval-values.ts';
export * from './intervals.ts';
export { recordFingerprints } from './record-fingerprints.ts';
export * from './report-columns.ts';
export * from './retention.ts';
export * from './settings.ts';
