import {
  authorize,
  type CsqConfig,
  conflict,
  DIGITAL_CRITERIA,
  invalid,
  LIMITS,
  NO_THRESHOLDS,
  type QueueThresholds,
  type RecordingPolicy,
  SERVICE_LEVEL_SECONDS,
  type SkillRequirement,
} from '@switchboard/core';
import { auditedChange, found } from '../audit/audited-change.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { skillsRepository, usersRepository } from '../db/repositories/index.ts';
import { refuseIfInUse } from '../voice/call-flows.service.ts';
import { phoneNumbersRepository } from '../voice/phone-numbers.repository.ts';
import { type CsqFields, csqsRepository, type StoredCsq } from './csqs.repository.ts';
import type { RouterChanges } from './router-changes.ts';

export const presentCsq = (csq: StoredCsq) => ({
  id: csq.id,
  name: csq.name,
  channel: csq.channel,
  criterion: csq.criterion,
  skills: csq.skills,
  agentOrder: csq.agentOrder,
  serviceLevelSeconds: csq.serviceLevelSeconds,
  thresholds: csq.thresholds,
  recording: csq.recording,
  callerId: csq.callerId,
  createdAt: csq.createdAt.toISOString(),
});

const loadCsq = (tenantId: string, id: string) => async (db: Db) => {
  const csq = await csqsRepository.findById(db, tenantId, id);
  return csq && presentCsq(csq);
};

const target = (id: string) => ({ entity: 'CSQ', entityType: 'csq', entityId: id });

export async function listCsqs(db: Db, principal: Principal) {
  authorize(principal, 'csq.read');
  return (await csqsRepository.list(db, principal.tenantId)).map(presentCsq);
}

export function getCsq(db: Db, principal: Principal, id: string) {
  authorize(principal, 'csq.read');
  return found('CSQ', loadCsq(principal.tenantId, id)(db));
}

/** Thresholds as a request gives them: those left out keep their value (a new CSQ: none). */
export type ThresholdsChange = { [K in keyof QueueThresholds]?: QueueThresholds[K] | undefined };

/** A new CSQ's fields; the service-level threshold defaults to 20 seconds. */
export type NewCsq = Omit<CsqFields, 'serviceLevelSeconds' | 'thresholds' | 'recording' | 'callerId'> & {
  serviceLevelSeconds?: number | undefined;
  recording?: RecordingPolicy | undefined;
  callerId?: string | null | undefined;
  thresholds?: ThresholdsChange | undefined;
};

export type CsqChange = Partial<Omit<CsqFields, 'thresholds'>> & {
  thresholds?: ThresholdsChange | undefined;
};

const mergeThresholds = (current: QueueThresholds, change: ThresholdsChange | undefined): QueueThresholds => {
  const next = { ...current };
  for (const key of Object.keys(change ?? {}) as (keyof QueueThresholds)[]) {
    const value = change?.[key];
    if (value !== undefined) next[key] = value;
  }
  return next;
};

export async function createCsq(db: Db, principal: Principal, fields: NewCsq, router?: RouterChanges) {
  authorize(principal, 'csq.manage');
  const input: CsqFields = {
    ...fields,
    serviceLevelSeconds: fields.serviceLevelSeconds ?? SERVICE_LEVEL_SECONDS.default,
    recording: fields.recording ?? 'off',
    callerId: fields.callerId ?? null,
    thresholds: mergeThresholds(NO_THRESHOLDS, fields.thresholds),
  };
  await checkCsq(db, principal.tenantId, input);
  const id = crypto.randomUUID();
  const csq = await found(
    'CSQ',
    auditedChange(db, principal, {
      ...target(id),
      action: 'create',
      load: loadCsq(principal.tenantId, id),
      apply: (trx) => csqsRepository.insert(trx, principal.tenantId, id, input),
    }),
  );
  await router?.csqChanged(principal.tenantId, csq.id);
  return csq;
}

export async function updateCsq(
  db: Db,
  principal: Principal,
  id: string,
  change: CsqChange,
  router?: RouterChanges,
) {
  authorize(principal, 'csq.manage');
  const current = await found('CSQ', csqsRepository.findById(db, principal.tenantId, id));
  const next: CsqFields = {
    ...current,
    ...change,
    thresholds: mergeThresholds(current.thresholds, change.thresholds),
  };
  // A caller ID is checked when it is chosen: a number removed since leaves the CSQ editable (calls are refused).
  const callerIdChanged = change.callerId !== undefined && change.callerId !== current.callerId;
  await checkCsq(db, principal.tenantId, callerIdChanged ? next : { ...next, callerId: null });
  const csq = await found(
    'CSQ',
    auditedChange(db, principal, {
      ...target(id),
      action: 'update',
      load: loadCsq(principal.tenantId, id),
      apply: (trx) => csqsRepository.update(trx, principal.tenantId, id, next),
    }),
  );
  await router?.csqChanged(principal.tenantId, csq.id);
  return csq;
}

export async function deleteCsq(
  db: Db,
  principal: Principal,
  id: string,
  router?: RouterChanges,
): Promise<void> {
  authorize(principal, 'csq.manage');
  const contactsInIt = await csqsRepository.openContacts(db, principal.tenantId, id);
  if (contactsInIt > 0) {
    throw conflict(`The CSQ still holds ${contactsInIt} contact(s); move or finish them first.`);
  }
  await auditedChange(db, principal, {
    ...target(id),
    action: 'delete',
    load: loadCsq(principal.tenantId, id),
    apply: async (trx) => {
      await refuseIfInUse(trx, principal.tenantId, 'CSQ', id);
      await csqsRepository.delete(trx, principal.tenantId, id);
    },
  });
  await router?.csqChanged(principal.tenantId, id);
}

async function checkCsq(
  db: Db,
  tenantId: string,
  csq: Pick<CsqConfig, 'channel' | 'criterion'> & {
    skills: SkillRequirement[];
    agentOrder?: string[];
    serviceLevelSeconds: number;
    thresholds: QueueThresholds;
    recording: RecordingPolicy;
    callerId: string | null;
  },
) {
  checkThresholds(csq.thresholds);
  if (csq.channel !== 'voice' && csq.recording !== 'off')
    throw invalid(`Only calls are recorded: a ${csq.channel} CSQ's recording stays off.`, {
      field: 'recording',
    });
  if (csq.callerId !== null) {
    const refuse = (message: string) =>
      invalid(message, [{ path: 'body/callerId', field: 'callerId', message }]);
    if (csq.channel !== 'voice')
      throw refuse(`Only calls present a caller ID: a ${csq.channel} CSQ has none.`);
    if (!(await phoneNumbersRepository.isTenants(db, tenantId, csq.callerId)))
      throw refuse(`${csq.callerId} is not one of this center's numbers (Administration → Phone numbers).`);
  }
  const { min, max } = SERVICE_LEVEL_SECONDS;
  const seconds = csq.serviceLevelSeconds;
  if (!Number.isInteger(seconds) || seconds < min || seconds > max) {
    throw invalid(`serviceLevelSeconds must be a whole number from ${min} to ${max}.`, {
      field: 'serviceLevelSeconds',
      min,
      max,
    });
  }
  if (csq.channel !== 'voice' && !DIGITAL_CRITERIA.includes(csq.criterion)) {
    throw invalid(
      `${csq.channel} queues route by ${DIGITAL_CRITERIA.join(' or ')}; ${csq.criterion} is for voice only.`,
    );
  }
  const ids = csq.skills.map((s) => s.skillId);
  if (new Set(ids).size !== ids.length) throw invalid('Each skill may be required only once.');
  const existing = await skillsRepository.existing(db, tenantId, ids);
  const missing = ids.filter((id) => !existing.has(id));
  if (missing.length > 0) throw invalid(`Unknown skill(s): ${missing.join(', ')}.`, { skills: missing });
  const order = csq.agentOrder ?? [];
  if (new Set(order).size !== order.length)
    throw invalid('Each agent may appear in the agent order only once.');
  const agents = await usersRepository.agentIds(db, tenantId, order);
  const strangers = order.filter((id) => !agents.has(id));
  if (strangers.length > 0)
    throw invalid(`Not agents of this tenant: ${strangers.join(', ')}.`, { agentOrder: strangers });
}

const THRESHOLD_LIMITS = {
  serviceLevelBelowPercent: LIMITS.csqServiceLevelBelowPercent,
  longestWaitAboveSeconds: LIMITS.csqLongestWaitAboveSeconds,
  waitingAbove: LIMITS.csqWaitingAbove,
} as const satisfies Record<keyof QueueThresholds, { min: number; max: number }>;

function checkThresholds(thresholds: QueueThresholds) {
  for (const [key, { min, max }] of Object.entries(THRESHOLD_LIMITS)) {
    const value = thresholds[key as keyof QueueThresholds];
    if (value !== null && (!Number.isInteger(value) || value < min || value > max)) {
      throw invalid(`thresholds.${key} must be a whole number from ${min} to ${max}, or null for none.`, {
        field: `thresholds.${key}`,
        min,
        max,
      });
    }
  }
}
