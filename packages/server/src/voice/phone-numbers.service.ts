import { authorize, conflict, invalid, LIMITS } from '@switchboard/core';
import { csqsRepository } from '../acd/csqs.repository.ts';
import { auditedChange, found } from '../audit/audited-change.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { callFlowsRepository } from './call-flows.repository.ts';
import {
  type PhoneNumberFields,
  phoneNumbersRepository,
  type StoredPhoneNumber,
} from './phone-numbers.repository.ts';

/** A number as an administrator sends it: where its calls go is one of `flowId` and `csqId`. */
export interface PhoneNumberInput {
  number: string;
  name: string;
  flowId?: string | null | undefined;
  csqId?: string | null | undefined;
}

export const presentPhoneNumber = (entry: StoredPhoneNumber) => ({
  id: entry.id,
  number: entry.number,
  name: entry.name,
  flowId: entry.flowId,
  csqId: entry.csqId,
  createdAt: entry.createdAt.toISOString(),
  updatedAt: entry.updatedAt.toISOString(),
});

const load = (tenantId: string, id: string) => async (db: Db) => {
  const entry = await phoneNumbersRepository.findById(db, tenantId, id);
  return entry && presentPhoneNumber(entry);
};

const target = (id: string) => ({ entity: 'phone number', entityType: 'phone_number', entityId: id });

/** A refusal pinned to one field of the body, as the schema's are. */
const refuse = (field: 'flowId' | 'csqId', message: string) =>
  invalid(message, [{ path: `body/${field}`, field, message }]);

/**
 * The number's fields once where its calls go is checked: exactly one of a call flow of the tenant and a voice
 * CSQ of the tenant. Read in the saving transaction, so what the number names exists when it is saved.
 */
async function fieldsOf(db: Db, tenantId: string, input: PhoneNumberInput): Promise<PhoneNumberFields> {
  const flowId = input.flowId ?? null;
  const csqId = input.csqId ?? null;
  if (flowId === null && csqId === null)
    throw refuse(
      'flowId',
      'A number sends its calls to a call flow (flowId) or a voice CSQ (csqId): name one.',
    );
  if (flowId !== null && csqId !== null)
    throw refuse(
      'csqId',
      'A number sends its calls to a call flow or a voice CSQ, not both: leave csqId out.',
    );
  if (flowId !== null && !(await callFlowsRepository.findById(db, tenantId, flowId)))
    throw refuse('flowId', 'flowId names no call flow of this tenant.');
  if (csqId !== null) {
    const csq = await csqsRepository.findById(db, tenantId, csqId);
    if (!csq) throw refuse('csqId', 'csqId names no CSQ of this tenant.');
    if (csq.channel !== 'voice')
      throw refuse('csqId', `The CSQ "${csq.name}" takes ${csq.channel} contacts, not calls.`);
  }
  return { number: input.number, name: input.name, flowId, csqId };
}

export async function listPhoneNumbers(db: Db, principal: Principal) {
  authorize(principal, 'callFlow.read');
  return (await phoneNumbersRepository.list(db, principal.tenantId)).map(presentPhoneNumber);
}

export function getPhoneNumber(db: Db, principal: Principal, id: string) {
  authorize(principal, 'callFlow.read');
  return found('Phone number', load(principal.tenantId, id)(db));
}

/** A number held already, by this tenant or another, is refused with 409 number_taken (see db-errors.ts). */
export function createPhoneNumber(db: Db, principal: Principal, input: PhoneNumberInput, at: Date) {
  authorize(principal, 'callFlow.manage');
  const id = crypto.randomUUID();
  const { tenantId } = principal;
  return found(
    'Phone number',
    auditedChange(db, principal, {
      ...target(id),
      action: 'create',
      load: load(tenantId, id),
      apply: async (trx) => {
        const max = LIMITS.phoneNumbersPerTenant.max;
        if ((await phoneNumbersRepository.countForCreate(trx, tenantId)) >= max)
          throw conflict(`A tenant may have at most ${max} phone numbers; delete one first.`, {
            limit: max,
            what: 'phoneNumbersPerTenant',
          });
        await phoneNumbersRepository.insert(trx, tenantId, id, await fieldsOf(trx, tenantId, input), at);
      },
    }),
  );
}

/** Replaces the number, its name and where its calls go. */
export function replacePhoneNumber(
  db: Db,
  principal: Principal,
  id: string,
  input: PhoneNumberInput,
  at: Date,
) {
  authorize(principal, 'callFlow.manage');
  const { tenantId } = principal;
  return found(
    'Phone number',
    auditedChange(db, principal, {
      ...target(id),
      action: 'update',
      load: load(tenantId, id),
      apply: async (trx) => {
        await phoneNumbersRepository.update(trx, tenantId, id, await fieldsOf(trx, tenantId, input), at);
      },
    }),
  );
}

export async function deletePhoneNumber(db: Db, principal: Principal, id: string): Promise<void> {
  authorize(principal, 'callFlow.manage');
  await auditedChange(db, principal, {
    ...target(id),
    action: 'delete',
    load: load(principal.tenantId, id),
    apply: async (trx) => {
      await refuseIfCallerId(trx, principal.tenantId, id);
      await phoneNumbersRepository.delete(trx, principal.tenantId, id);
    },
  });
}

/** Refuses to delete a number while CSQs present it as their caller ID, naming them (the database holds it too). */
async function refuseIfCallerId(db: Db, tenantId: string, id: string): Promise<void> {
  const csqs = await phoneNumbersRepository.presentedBy(db, tenantId, id);
  if (csqs.length === 0) return;
  throw conflict(
    `The number is the caller ID of CSQ(s) ${csqs.map((name) => `"${name}"`).join(', ')}: give them another caller ID first.`,
    { csqs },
  );
}

/** Refuses to delete a call flow or CSQ while a number sends calls to it, naming the numbers. */
export async function refuseIfNumbersUse(
  db: Db,
  tenantId: string,
  what: 'call flow' | 'CSQ',
  id: string,
): Promise<void> {
  const numbers = await phoneNumbersRepository.using(db, tenantId, what === 'CSQ' ? 'csq' : 'flow', id);
  if (numbers.length === 0) return;
  throw conflict(
    `The ${what} is in use: number(s) ${numbers.map((n) => `${n.number} ("${n.name}")`).join(', ')} send calls to it. Change them first.`,
    { numbers: numbers.map((n) => n.number) },
  );
}
