import { authorize, conflict, invalid, LIMITS, notFound, SwitchboardError } from '@switchboard/core';
import { getContact } from '../acd/contacts.service.ts';
import { checkCsqTags, fieldError } from '../acd/csq-tags.ts';
import { auditedChange, found } from '../audit/audited-change.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { lockTenant } from '../db/tenant-lock.ts';
import {
  wrapUpRepository as repository,
  type StoredCategory,
  type StoredReason,
} from './wrap-up.repository.ts';

/*
 * Wrap-up categories and reasons (spec C3). Every change is a new version in force from now, so a contact
 * keeps the list that was in force when it was created ("edits apply to new contacts only"). Changes lock
 * the tenant's row first: the caps and the unique names are checked one change at a time.
 */

/** A category as an administrator sends it; `csqIds` empty: global. */
export interface CategoryInput {
  name: string;
  csqIds: string[];
}

export const presentReason = (reason: StoredReason) => ({
  id: reason.id,
  categoryId: reason.categoryId,
  name: reason.name,
});

export const presentCategory = (category: StoredCategory) => ({
  id: category.id,
  name: category.name,
  global: category.global,
  csqIds: category.csqIds,
  reasons: category.reasons.map(({ id, name }) => ({ id, name })),
});

const loadCategory = (tenantId: string, id: string) => async (db: Db) => {
  const category = await repository.category(db, tenantId, id);
  return category && presentCategory(category);
};

const loadReason = (tenantId: string, id: string) => async (db: Db) => {
  const reason = await repository.reason(db, tenantId, id);
  return reason && presentReason(reason);
};

const categoryTarget = (id: string) => ({
  entity: 'wrap-up category',
  entityType: 'wrap_up_category',
  entityId: id,
});
const reasonTarget = (id: string) => ({
  entity: 'wrap-up reason',
  entityType: 'wrap_up_reason',
  entityId: id,
});

const full = (message: string, limit: number, what: keyof typeof LIMITS, field?: string) =>
  new SwitchboardError('limit_reached', message, {
    limit,
    what,
    ...(field ? { path: `body/${field}`, message } : {}),
  });

export async function listCategories(db: Db, principal: Principal) {
  authorize(principal, 'wrapUp.read');
  return (await repository.categories(db, principal.tenantId, 'now')).map(presentCategory);
}

export function getCategory(db: Db, principal: Principal, id: string) {
  authorize(principal, 'wrapUp.read');
  return found('Wrap-up category', loadCategory(principal.tenantId, id)(db));
}

/** The categories and reasons an agent picks from for a contact: those in force when it was created. */
export async function reasonsForContact(db: Db, principal: Principal, contactId: string) {
  authorize(principal, 'wrapUp.read');
  const contact = await getContact(db, principal, contactId);
  const at = new Date(contact.createdAt);
  return (await repository.categories(db, principal.tenantId, at, contact.csqId)).map(presentCategory);
}

export function createCategory(db: Db, principal: Principal, input: CategoryInput, now: number) {
  authorize(principal, 'wrapUp.manage');
  const { tenantId } = principal;
  const id = crypto.randomUUID();
  return found(
    'Wrap-up category',
    auditedChange(db, principal, {
      ...categoryTarget(id),
      action: 'create',
      load: loadCategory(tenantId, id),
      apply: async (trx) => {
        await lockTenant(trx, tenantId);
        const max = LIMITS.wrapUpCategoriesPerTenant.max;
        if ((await repository.countCategories(trx, tenantId)) >= max) {
          throw full(
            `The tenant has ${max} wrap-up categories, the most it may have: delete one first.`,
            max,
            'wrapUpCategoriesPerTenant',
          );
        }
        const csqIds = await checkCategory(trx, tenantId, input);
        const at = new Date(now);
        await repository.insertCategory(trx, tenantId, id, at);
        await repository.addCategoryVersion(trx, tenantId, { id, name: input.name, csqIds }, at);
      },
    }),
  );
}

export function updateCategory(
  db: Db,
  principal: Principal,
  id: string,
  change: Partial<CategoryInput>,
  now: number,
) {
  authorize(principal, 'wrapUp.manage');
  const { tenantId } = principal;
  return found(
    'Wrap-up category',
    auditedChange(db, principal, {
      ...categoryTarget(id),
      action: 'update',
      load: loadCategory(tenantId, id),
      apply: async (trx, before) => {
        if (!before) return;
        await lockTenant(trx, tenantId);
        const next = { name: change.name ?? before.name, csqIds: change.csqIds ?? before.csqIds };
        const csqIds = await checkCategory(trx, tenantId, next, id);
        const from = await repository.retire(trx, tenantId, { category: id }, new Date(now));
        if (!from) throw notFound('Wrap-up category');
        await repository.addCategoryVersion(trx, tenantId, { id, name: next.name, csqIds }, from);
      },
    }),
  );
}

/** Ends the category and its reasons for contacts created from now on. */
export async function deleteCategory(db: Db, principal: Principal, id: string, now: number): Promise<void> {
  authorize(principal, 'wrapUp.manage');
  const { tenantId } = principal;
  await auditedChange(db, principal, {
    ...categoryTarget(id),
    action: 'delete',
    load: loadCategory(tenantId, id),
    apply: async (trx) => {
      await lockTenant(trx, tenantId);
      await repository.retire(trx, tenantId, { reasonsOf: id }, new Date(now));
      await repository.retire(trx, tenantId, { category: id }, new Date(now));
    },
  });
}

export function createReason(
  db: Db,
  principal: Principal,
  input: { categoryId: string; name: string },
  now: number,
) {
  authorize(principal, 'wrapUp.manage');
  const { tenantId } = principal;
  const id = crypto.randomUUID();
  return found(
    'Wrap-up reason',
    auditedChange(db, principal, {
      ...reasonTarget(id),
      action: 'create',
      load: loadReason(tenantId, id),
      apply: async (trx) => {
        await lockTenant(trx, tenantId);
        const reasons = await reasonsOfCategory(trx, tenantId, input.categoryId);
        const max = LIMITS.wrapUpReasonsPerCategory.max;
        if (reasons.length >= max) {
          throw full(
            `This category has ${max} reasons, the most a category may have: delete one, or start another category.`,
            max,
            'wrapUpReasonsPerCategory',
          );
        }
        refuseTakenReasonName(reasons, input.name);
        const reason = { id, categoryId: input.categoryId, name: input.name };
        await repository.addReasonVersion(trx, tenantId, reason, new Date(now));
      },
    }),
  );
}

export function renameReason(db: Db, principal: Principal, id: string, name: string, now: number) {
  authorize(principal, 'wrapUp.manage');
  const { tenantId } = principal;
  return found(
    'Wrap-up reason',
    auditedChange(db, principal, {
      ...reasonTarget(id),
      action: 'update',
      load: loadReason(tenantId, id),
      apply: async (trx, before) => {
        if (!before) return;
        await lockTenant(trx, tenantId);
        const others = (await repository.reasonsOf(trx, tenantId, before.categoryId)).filter(
          (r) => r.id !== id,
        );
        refuseTakenReasonName(others, name);
        const from = await repository.retire(trx, tenantId, { reason: id }, new Date(now));
        if (!from) throw notFound('Wrap-up reason');
        await repository.addReasonVersion(trx, tenantId, { id, categoryId: before.categoryId, name }, from);
      },
    }),
  );
}

export async function deleteReason(db: Db, principal: Principal, id: string, now: number): Promise<void> {
  authorize(principal, 'wrapUp.manage');
  const { tenantId } = principal;
  await auditedChange(db, principal, {
    ...reasonTarget(id),
    action: 'delete',
    load: loadReason(tenantId, id),
    apply: async (trx) => {
      await lockTenant(trx, tenantId);
      await repository.retire(trx, tenantId, { reason: id }, new Date(now));
    },
  });
}

/**
 * A category's name is its own among the current ones, and each CSQ it is tagged to has room: at most 10
 * categories are tagged to one CSQ. Global categories are tagged to none, so they do not count there (the
 * tenant's cap of 25 holds them). Returns the CSQs, checked.
 */
async function checkCategory(db: Db, tenantId: string, input: CategoryInput, id?: string) {
  if (await repository.categoryNameTaken(db, tenantId, input.name, id)) {
    const message = 'is the name of another wrap-up category (names are compared without case)';
    throw conflict(`"${input.name}" ${message}.`, fieldError('name', message));
  }
  const csqIds = await checkCsqTags(db, tenantId, input.csqIds);
  const tagged = await repository.categoriesPerCsq(db, tenantId, csqIds, id);
  const max = LIMITS.wrapUpCategoriesPerCsq.max;
  const fullAt = input.csqIds.findIndex((csqId) => (tagged.get(csqId) ?? 0) >= max);
  if (fullAt >= 0) {
    throw full(
      `csqIds[${fullAt}] has ${max} wrap-up categories tagged to it, the most a CSQ may have: untag one there first.`,
      max,
      'wrapUpCategoriesPerCsq',
      `csqIds/${fullAt}`,
    );
  }
  return csqIds;
}

async function reasonsOfCategory(db: Db, tenantId: string, categoryId: string) {
  if (!(await repository.category(db, tenantId, categoryId))) {
    const message = 'is not a wrap-up category of this tenant';
    throw invalid(`categoryId ${message}.`, fieldError('categoryId', message));
  }
  return repository.reasonsOf(db, tenantId, categoryId);
}

function refuseTakenReasonName(reasons: readonly StoredReason[], name: string): void {
  if (!reasons.some((reason) => reason.name.toLowerCase() === name.toLowerCase())) return;
  const message = 'is the name of another reason of this category (names are compared without case)';
  throw conflict(`"${name}" ${message}.`, fieldError('name', message));
}
