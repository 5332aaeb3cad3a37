import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt } from './schema-identity.ts';

/** Tables of exports that run as background jobs and keep their file in the database. */

export type ExportStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface ChatRecordExportsTable {
  tenant_id: string;
  id: string;
  requested_by: string;
  from_at: Date;
  to_at: Date;
  csq_id: string | null;
  status: ColumnType<ExportStatus, ExportStatus | undefined, ExportStatus>;
  rows: Generated<number>;
  error: string | null;
  /** The background job that writes it; null for the moment between storing the request and enqueueing it. */
  job_id: string | null;
  created_at: CreatedAt;
  finished_at: Date | null;
}

export interface ChatRecordExportPartsTable {
  tenant_id: string;
  export_id: string;
  /** From 0; the file is the parts' bodies in this order. */
  seq: number;
  body: string;
}
