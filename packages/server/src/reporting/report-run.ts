import { setImmediate as nextTurnOfEventLoop } from 'node:timers/promises';
import type { ReportColumn, ReportingSettings } from '@switchboard/core';
import type { Db } from '../db/database.ts';
import type { ReportRequest } from './report-request.ts';
import {
  type BucketSums,
  bucketsOf,
  type Cells,
  type CellsAndText,
  ROWS_PER_TURN,
  RowTexts,
  TIME_COLUMNS,
  timeCells,
  withText,
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
  /** Only each row's JSON text is wanted (a JSON response with rows as arrays), where a template can make it. */
  textsOnly: boolean;
}

export type TemplateRun = (run: Run) => Promise<{
  columns: readonly ReportColumn[];
  rows: Cells[];
  /**
   * Each row's JSON text (the array of its cells), where the template made it from parts it had made before;
   * then, when the run wants only texts, `rows` may be empty.
   */
  texts?: RowTexts;
}>;

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

/**
 * Figures made before from the very same counts, per kind of figures and the tenant rules they follow (e.g.
 * `contact:<abandon rule>`): the interval-row cache hands out the same counts for an unchanged day, so a report
 * asked again makes and serializes only the figures of days that changed.
 */
const figureMemos = new Map<string, WeakMap<object, CellsAndText>>();

export function figureMemo<C extends object>(kind: string): WeakMap<C, CellsAndText> {
  let memo = figureMemos.get(kind);
  if (!memo) {
    memo = new WeakMap();
    figureMemos.set(kind, memo);
  }
  return memo as WeakMap<C, CellsAndText>;
}

/** How a template makes its rows' cells: a key's own cells, and the figures of its counts in a bucket. */
export interface RowMaker<C extends object> {
  keyCells: (key: string) => Cells;
  figureCells: (counts: C) => Cells;
  /** Where figures made before are kept (`figureMemo`); without it they are made for every row. */
  memo?: WeakMap<C, CellsAndText>;
}

/**
 * Rows of every bucket × key, zeros where nothing happened: the time cells, the key's cells, its figures; and each
 * row's JSON text, made from the texts of its parts (only the texts when the run wants no more).
 */
export async function zeroFilled<C extends object>(
  run: Run,
  keys: readonly string[],
  sums: BucketSums<C>,
  zero: () => C,
  maker: RowMaker<C>,
): Promise<{ rows: Cells[]; texts: RowTexts }> {
  const buckets = run.request.summarize ? [null] : bucketsOf(run.request);
  const memo = maker.memo ?? new WeakMap<C, CellsAndText>();
  const nothing = zero();
  const figuresOf = (counts: C) => {
    let figures = memo.get(counts);
    if (!figures) {
      figures = withText(maker.figureCells(counts));
      memo.set(counts, figures);
    }
    return figures;
  };
  const keyParts = keys.map((key) => withText(maker.keyCells(key)));
  const rows: Cells[] = [];
  const texts = new RowTexts();
  for (const bucket of buckets) {
    const time = withText(bucket ? timeCells(bucket) : []);
    const counts = sums.bucket(bucket?.start ?? 0);
    for (let k = 0; k < keys.length; k++) {
      const key = keyParts[k] as CellsAndText;
      const figures = figuresOf(counts?.get(keys[k] as string) ?? nothing);
      if (!run.textsOnly) rows.push(time.cells.concat(key.cells, figures.cells));
      texts.add(time.text, key.text, figures.text);
    }
    if (texts.length % ROWS_PER_TURN < keys.length) await nextTurnOfEventLoop();
  }
  return { rows, texts };
}
