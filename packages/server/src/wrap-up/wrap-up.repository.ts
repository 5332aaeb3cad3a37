import { type SqlBool, sql } from 'kysely';
import type { Db } from '../db/database.ts';

export interface StoredReason {
  id: string;
  categoryId: string;
  name: string;
}

export interface StoredCategory {
  id: string;
  name: string;
  global: boolean;
  csqIds: string[];
  reasons: StoredReason[];
}

/** When a version is read: the current ones (`'now'`), or those in force at an instant. */
export type AsOf = 'now' | Date;

/** The version rows in force: with no end yet, or (at an instant) begun by then and not yet ended. */
const inForce = (asOf: AsOf) =>
  asOf === 'now'
    ? sql<SqlBool>`valid_to is null`
    : sql<SqlBool>`valid_from <= ${asOf} and (valid_to is null or valid_to > ${asOf})`;

const byName = sql`lower(name)`;

export const wrapUpRepository = {
  /**
   * Categories in force with their reasons in force, by name: all of them, or (with `csqId`) the global ones
   * and those tagged to that CSQ.
   */
  async categories(db: Db, tenantId: string, asOf: AsOf, csqId?: string): Promise<StoredCategory[]> {
    let query = db
      .selectFrom('wrap_up_category_versions')
      .select(['version', 'category_id', 'name', 'global'])
      .where('tenant_id', '=', tenantId)
      .where(inForce(asOf));
    if (csqId) {
      query = query.where((eb) =>
        eb.or([
          eb('global', '=', true),
          eb.exists(
            eb
              .selectFrom('wrap_up_category_csqs as t')
              .select('t.csq_id')
              .whereRef('t.tenant_id', '=', 'wrap_up_category_versions.tenant_id')
              .whereRef('t.category_version', '=', 'wrap_up_category_versions.version')
              .where('t.csq_id', '=', csqId),
          ),
        ]),
      );
    }
    const versions = await query.orderBy(byName).orderBy('category_id').execute();
    if (versions.length === 0) return [];
    const tags = await db
      .selectFrom('wrap_up_category_csqs')
      .select(['category_version', 'csq_id'])
      .where('tenant_id', '=', tenantId)
      .where(
        'category_version',
        'in',
        versions.map((v) => v.version),
      )
      .orderBy('csq_id')
      .execute();
    const reasons = await db
      .selectFrom('wrap_up_reasons')
      .select(['id', 'category_id', 'name'])
      .where('tenant_id', '=', tenantId)
      .where(
        'category_id',
        'in',
        versions.map((v) => v.category_id),
      )
      .where(inForce(asOf))
      .orderBy(byName)
      .orderBy('id')
      .execute();
    return versions.map((v) => ({
      id: v.category_id,
      name: v.name,
      global: v.global,
      csqIds: tags.filter((t) => t.category_version === v.version).map((t) => t.csq_id),
      reasons: reasons
        .filter((r) => r.category_id === v.category_id)
        .map((r) => ({ id: r.id, categoryId: r.category_id, name: r.name })),
    }));
  },

  async category(db: Db, tenantId: string, id: string): Promise<StoredCategory | undefined> {
    const all = await wrapUpRepository.categories(db, tenantId, 'now');
    return all.find((category) => category.id === id);
  },

  async reason(db: Db, tenantId: string, id: string): Promise<StoredReason | undefined> {
    const row = await db
      .selectFrom('wrap_up_reasons')
      .select(['id', 'category_id', 'name'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .where('valid_to', 'is', null)
      .executeTakeFirst();
    return row && { id: row.id, categoryId: row.category_id, name: row.name };
  },

  async insertCategory(db: Db, tenantId: string, id: string, at: Date): Promise<void> {
    await db.insertInto('wrap_up_categories').values({ id, tenant_id: tenantId, created_at: at }).execute();
  },

  /** The next version of a category, in force from `from`. */
  async addCategoryVersion(
    db: Db,
    tenantId: string,
    category: { id: string; name: string; csqIds: readonly string[] },
    from: Date,
  ): Promise<void> {
    const { version } = await db
      .insertInto('wrap_up_category_versions')
      .values({
        tenant_id: tenantId,
        category_id: category.id,
        name: category.name,
        global: category.csqIds.length === 0,
        valid_from: from,
      })
      .returning('version')
      .executeTakeFirstOrThrow();
    if (category.csqIds.length === 0) return;
    await db
      .insertInto('wrap_up_category_csqs')
      .values(
        category.csqIds.map((csqId) => ({ tenant_id: tenantId, category_version: version, csq_id: csqId })),
      )
      .execute();
  },

  /**
   * Ends the current version of a category (or, with `reasonsOf`, of every reason of a category; with
   * `reason`, of one reason) at `at`, or where it began if the clock stands before that. Returns when the
   * ended version stops, for the next version to start there; undefined when nothing was in force.
   */
  async retire(
    db: Db,
    tenantId: string,
    what: { category: string } | { reasonsOf: string } | { reason: string },
    at: Date,
  ): Promise<Date | undefined> {
    const table = 'category' in what ? 'wrap_up_category_versions' : 'wrap_up_reasons';
    let query = db
      .updateTable(table)
      .set({ valid_to: sql<Date>`greatest(valid_from, ${at}::timestamptz)` })
      .where('tenant_id', '=', tenantId)
      .where('valid_to', 'is', null);
    if ('category' in what) query = query.where('category_id', '=', what.category);
    if ('reasonsOf' in what) query = query.where('category_id', '=', what.reasonsOf);
    if ('reason' in what) query = query.where('id', '=', what.reason);
    const ended = await query.returning('valid_to').execute();
    const last = ended.map((row) => row.valid_to?.getTime() ?? 0).sort((a, b) => b - a)[0];
    return last === undefined ? undefined : new Date(last);
  },

  /** The next version of a reason, in force from `from`. */
  async addReasonVersion(db: Db, tenantId: string, reason: StoredReason, from: Date): Promise<void> {
    await db
      .insertInto('wrap_up_reasons')
      .values({
        tenant_id: tenantId,
        id: reason.id,
        category_id: reason.categoryId,
        name: reason.name,
        valid_from: from,
      })
      .execute();
  },

  async countCategories(db: Db, tenantId: string): Promise<number> {
    const row = await db
      .selectFrom('wrap_up_category_versions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** How many current categories other than `exceptId` are tagged to each of these CSQs. */
  async categoriesPerCsq(
    db: Db,
    tenantId: string,
    csqIds: readonly string[],
    exceptId?: string,
  ): Promise<Map<string, number>> {
    if (csqIds.length === 0) return new Map();
    let query = db
      .selectFrom('wrap_up_category_csqs as t')
      .innerJoin('wrap_up_category_versions as v', (join) =>
        join.onRef('v.tenant_id', '=', 't.tenant_id').onRef('v.version', '=', 't.category_version'),
      )
      .select((eb) => ['t.csq_id', eb.fn.countAll<string>().as('n')])
      .where('t.tenant_id', '=', tenantId)
      .where('t.csq_id', 'in', csqIds)
      .where('v.valid_to', 'is', null);
    if (exceptId) query = query.where('v.category_id', '<>', exceptId);
    const rows = await query.groupBy('t.csq_id').execute();
    return new Map(rows.map((row) => [row.csq_id, Number(row.n)]));
  },

  /** Whether a current category other than `exceptId` has this name, without regard to case. */
  async categoryNameTaken(db: Db, tenantId: string, name: string, exceptId?: string): Promise<boolean> {
    let query = db
      .selectFrom('wrap_up_category_versions')
      .select('category_id')
      .where('tenant_id', '=', tenantId)
      .where('valid_to', 'is', null)
      .where(byName, '=', name.toLowerCase());
    if (exceptId) query = query.where('category_id', '<>', exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  },

  /** The current reasons of a category. */
  async reasonsOf(db: Db, tenantId: string, categoryId: string): Promise<StoredReason[]> {
    const rows = await db
      .selectFrom('wrap_up_reasons')
      .select(['id', 'category_id', 'name'])
      .where('tenant_id', '=', tenantId)
      .where('category_id', '=', categoryId)
      .where('valid_to', 'is', null)
      .execute();
    return rows.map((row) => ({ id: row.id, categoryId: row.category_id, name: row.name }));
  },
};
