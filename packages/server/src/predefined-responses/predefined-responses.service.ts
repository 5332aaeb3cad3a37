import {
  authorize,
  codePoints,
  conflict,
  forbiddenCharacter,
  invalid,
  LIMITS,
  RESPONSE_FORBIDDEN_CHARACTERS,
  SwitchboardError,
} from '@switchboard/core';
import { getContact } from '../acd/contacts.service.ts';
import { checkCsqTags, fieldError } from '../acd/csq-tags.ts';
import { auditedChange, found } from '../audit/audited-change.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { lockTenant } from '../db/tenant-lock.ts';
import { sanitizeEmailHtml } from './html.ts';
import {
  type ResponseChannel,
  type ResponseFields,
  predefinedResponsesRepository as repository,
  type StoredResponse,
} from './predefined-responses.repository.ts';

/** What an administrator sends; the route schema has checked shapes and sizes. `csqIds` empty: global. */
export type ResponseInput = ResponseFields;

export const presentResponse = (row: StoredResponse) => ({
  id: row.id,
  channel: row.channel,
  title: row.title,
  body: row.body,
  global: row.global,
  csqIds: row.csqIds,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});
export type PredefinedResponse = ReturnType<typeof presentResponse>;

const loadResponse = (tenantId: string, id: string) => async (db: Db) => {
  const row = await repository.findById(db, tenantId, id);
  return row && presentResponse(row);
};

const target = (id: string) => ({
  entity: 'predefined response',
  entityType: 'predefined_response',
  entityId: id,
});

const SHOWN_FORBIDDEN = RESPONSE_FORBIDDEN_CHARACTERS.join(' ');

export async function listResponses(db: Db, principal: Principal, channel?: ResponseChannel) {
  authorize(principal, 'response.read');
  return (await repository.list(db, principal.tenantId, channel)).map(presentResponse);
}

export function getResponse(db: Db, principal: Principal, id: string) {
  authorize(principal, 'response.read');
  return found('Predefined response', loadResponse(principal.tenantId, id)(db));
}

/** The responses an agent may insert in a contact: of its channel, global or tagged to its CSQ. */
export async function responsesForContact(db: Db, principal: Principal, contactId: string) {
  authorize(principal, 'response.read');
  const contact = await getContact(db, principal, contactId);
  if (contact.channel === 'voice') return [];
  const rows = await repository.forCsq(db, principal.tenantId, contact.channel, contact.csqId);
  return rows.map(presentResponse);
}

export function createResponse(db: Db, principal: Principal, input: ResponseInput) {
  authorize(principal, 'response.manage');
  const fields = checkContent(input);
  const { tenantId } = principal;
  const id = crypto.randomUUID();
  return found(
    'Predefined response',
    auditedChange(db, principal, {
      ...target(id),
      action: 'create',
      load: loadResponse(tenantId, id),
      apply: async (trx) => {
        await lockTenant(trx, tenantId);
        const max = LIMITS.predefinedResponsesPerTenant.max;
        if ((await repository.count(trx, tenantId)) >= max) {
          throw new SwitchboardError(
            'limit_reached',
            `The tenant has ${max} predefined responses (chat and email together), the most it may have: delete one first.`,
            { limit: max, what: 'predefinedResponsesPerTenant' },
          );
        }
        const checked = await checkStored(trx, tenantId, fields);
        await repository.insert(trx, tenantId, id, checked);
      },
    }),
  );
}

/** Changes some fields; the result is checked as a whole (a new channel must suit the body and the tags). */
export function updateResponse(
  db: Db,
  principal: Principal,
  id: string,
  change: Partial<ResponseInput>,
  now: number,
) {
  authorize(principal, 'response.manage');
  const { tenantId } = principal;
  return found(
    'Predefined response',
    auditedChange(db, principal, {
      ...target(id),
      action: 'update',
      load: loadResponse(tenantId, id),
      apply: async (trx, before) => {
        if (!before) return;
        await lockTenant(trx, tenantId);
        const merged = {
          channel: change.channel ?? before.channel,
          title: change.title ?? before.title,
          body: change.body ?? before.body,
          csqIds: change.csqIds ?? before.csqIds,
        };
        const checked = await checkStored(trx, tenantId, checkContent(merged), id);
        await repository.update(trx, tenantId, id, checked, new Date(now));
      },
    }),
  );
}

export async function deleteResponse(db: Db, principal: Principal, id: string): Promise<void> {
  authorize(principal, 'response.manage');
  await auditedChange(db, principal, {
    ...target(id),
    action: 'delete',
    load: loadResponse(principal.tenantId, id),
    apply: (trx) => repository.delete(trx, principal.tenantId, id),
  });
}

/**
 * The rules of spec C3 that need no database: no `< > ( ) " |` in a title or a chat body, email bodies
 * sanitised, bodies of at most 1500 characters with something in them. Returns the fields to store.
 */
export function checkContent(input: ResponseInput): ResponseInput {
  refuseForbidden(input.title, 'title');
  const { max } = LIMITS.predefinedResponseBody;
  let body = input.body;
  if (input.channel === 'chat') {
    refuseForbidden(body, 'body');
  } else {
    body = sanitizeEmailHtml(body);
    if (codePoints(body) > max) {
      const message = `has ${codePoints(body)} characters once sanitised, more than the ${max} allowed`;
      throw invalid(`body ${message}.`, fieldError('body', message));
    }
  }
  if (body.trim() === '') {
    const message =
      input.channel === 'email' ? 'has nothing left once sanitised' : 'must have a visible character';
    throw invalid(`body ${message}.`, fieldError('body', message));
  }
  return { ...input, body };
}

function refuseForbidden(text: string, field: 'title' | 'body'): void {
  const found = forbiddenCharacter(text);
  if (!found) return;
  const message = `may not contain the characters ${SHOWN_FORBIDDEN}: character ${found.position} is ${found.character}`;
  throw invalid(`${field} ${message}.`, fieldError(field, message));
}

/** The rules that need the tenant's data: a title of its own, tags on CSQs of the response's channel. */
async function checkStored(db: Db, tenantId: string, fields: ResponseInput, id?: string) {
  if (await repository.titleTaken(db, tenantId, fields.title, id)) {
    const message = 'is the title of another predefined response (titles are compared without case)';
    throw conflict(`"${fields.title}" ${message}.`, fieldError('title', message));
  }
  return { ...fields, csqIds: await checkCsqTags(db, tenantId, fields.csqIds, fields.channel) };
}
