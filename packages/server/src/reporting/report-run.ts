import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import type { ReportColumn, ReportingSettings } from '@switchboard/core';
import type { Db } from '../db/database.ts';
import type { ReportRequest } from './report-request.ts';
import {
  type BucketSums,
  bucketsOf,
  type Cells,
  ROWS_PER_TURN,
  TIME_COLUMNS,
  timeCells,
} from './report-rows.ts';
import { checkCsqs, type ReportScope } from './report-scope.ts';

/** What every report template works from: the checked request, the tenant's rules, the caller's scope, names. */
export interface Names {
  csqs: Map<string, { name: string; channel: string; serviceLevelSeconds: number }>;
  agents: Map<string, { name: string; teamId: string | null }>;
  teams: Map<string, string>;
}

export async function namesOf(db: Db, tenantId: string): Promise<Names> {
  const [csqs, users, teams] = await Promise.all([
    db
      .selectFrom('csqs')
      .select(['id', 'name', 'channel', 'service_level_seconds'])
      .where('tenant_id', '=', tenantId)
      .execute(),
    db
      .selectFrom('users')
      .select(['id', 'display_name', 'team_id'])
      .where('tenant_id', '=', tenantId)
      .execute(),
    db.selectFrom('teams').select(['id', 'name']).where('tenant_id', '=', tenantId).execute(),
  ]);
  return {
    csqs: new Map(
      csqs.map((csq) => [
        csq.id,
        { name: csq.name, channel: csq.channel, serviceLevelSeconds: csq.service_level_seconds },
      ]),
    ),
    agents: new Map(users.map((user) => [user.id, { name: user.display_name, teamId: user.team_id }])),
    teams: new Map(teams.map((team) => [team.id, team.name])),
  };
}

export interface Run {
  db: Db;
  tenantId: string;
  request: ReportRequest;
  settings: ReportingSettings;
  scope: ReportScope;
  names: Names;
}

export type TemplateRun = (run: Run) => Promise<{ columns: readonly ReportColumn[]; rows: Cells[] }>;

export const timeColumns = (request: ReportRequest) => (request.summarize ? [] : TIME_COLUMNS);

export function csqsOf(run: Run): string[] {
  const { request, names } = run;
  const known = new Set(
    [...names.csqs]
      .filter(([, csq]) => request.channel === null || csq.channel === request.channel)
      .map(([id]) => id),
  );
  const asked = request.csqIds ?? (request.drill?.csqId ? [request.drill.csqId] : null);
  return checkCsqs(asked, request.csqIds === null ? known : new Set(names.csqs.keys()), run.scope).filter(
    (id) => known.has(id),
  );
}

/** Rows of every bucket × key, zeros where nothing happened: the time cells, then `cells` of the key. */
export async function zeroFilled<C extends object>(
  run: Run,
  keys: readonly string[],
  sums: BucketSums<C>,
  zero: () => C,
  cells: (key: string, counts: C) => Cells,
): Promise<Cells[]> {
  const buckets = run.request.summarize ? [null] : bucketsOf(run.request);
  const rows: Cells[] = [];
  for (const bucket of buckets) {
    const time = bucket ? timeCells(bucket) : [];
    const start = bucket?.start ?? 0;
    for (const key of keys) rows.push(time.concat(cells(key, sums.get(start, key) ?? zero())));
    if (rows.length % ROWS_PER_TURN < keys.length) await nextTurnOfEventLoop();
  }
  return rows;
}
