import { invalid } from '@switchboard/core';
import { fieldError } from '../acd/csq-tags.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { wrapUpRepository } from './wrap-up.repository.ts';

/**
 * Before a wrap-up: where reasons apply to the contact, each one chosen must be one of them. Where none
 * apply, the reasons are free text (centres without a list). Contacts the caller does not hold are left to
 * the router, which refuses the wrap-up without telling what it holds.
 */
export async function checkWrapUpReasons(
  db: Db,
  principal: Principal,
  contactId: string,
  chosen: readonly string[],
): Promise<void> {
  const contact = await db
    .selectFrom('contacts')
    .select(['agent_id', 'csq_id', 'created_at'])
    .where('tenant_id', '=', principal.tenantId)
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!contact || contact.agent_id !== principal.userId || chosen.length === 0) return;
  const categories = await wrapUpRepository.categories(
    db,
    principal.tenantId,
    contact.created_at,
    contact.csq_id,
  );
  const allowed = new Set(categories.flatMap((category) => category.reasons.map((reason) => reason.name)));
  if (allowed.size === 0) return;
  const bad = chosen.findIndex((reason) => !allowed.has(reason));
  if (bad < 0) return;
  const message = `"${chosen[bad]}" is not a wrap-up reason for this contact: pick from GET /contacts/${contactId}/wrap-up-reasons`;
  throw invalid(`reasons[${bad}] ${message}.`, fieldError(`reasons/${bad}`, message));
}
