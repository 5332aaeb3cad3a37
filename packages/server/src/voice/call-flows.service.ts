import {
  authorize,
  conflict,
  type Flow,
  type FlowStep,
  invalid,
  LIMITS,
  notFound,
  parseFlow,
  promptsOf,
  SwitchboardError,
} from '@switchboard/core';
import { auditedChange, found } from '../audit/audited-change.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { chatWidgetsRepository } from '../widgets/chat-widgets.repository.ts';
import { refuseIfWidgetsUse } from '../widgets/chat-widgets.service.ts';
import { callFlowsRepository, type FlowReferences, type StoredCallFlow } from './call-flows.repository.ts';
import { refuseIfNumbersUse } from './phone-numbers.service.ts';

/**
 * Text prompts need a speech synthesiser on the server: a flow with text is refused where there is none, so
 * that no caller meets a flow that cannot speak.
 */
async function checkSpeech(flow: Flow, speaks: () => Promise<boolean>): Promise<void> {
  const spoken = promptsOf(flow).find((p) => 'text' in p.prompt);
  if (!spoken || (await speaks())) return;
  throw new SwitchboardError(
    'speech_unavailable',
    `Step "${spoken.step}" speaks text, and this server has no speech synthesiser: install eSpeak NG (Debian: apt-get install espeak-ng) and restart it.`,
    { step: spoken.step, field: `steps/${spoken.step}/${spoken.field.replaceAll('.', '/')}` },
  );
}

/** A flow as an editor sends it: its name and definition; a change also names the version it was made from. */
export interface CallFlowInput {
  name: string;
  definition: unknown;
}

export const presentCallFlow = (flow: StoredCallFlow) => ({
  id: flow.id,
  name: flow.name,
  version: flow.version,
  definition: flow.definition,
  createdAt: flow.createdAt.toISOString(),
  updatedAt: flow.updatedAt.toISOString(),
});

const load = (tenantId: string, id: string) => async (db: Db) => {
  const flow = await callFlowsRepository.findById(db, tenantId, id);
  return flow && presentCallFlow(flow);
};

const target = (id: string) => ({ entity: 'call flow', entityType: 'call_flow', entityId: id });

/** A refusal naming the step and field whose reference is wrong, as parseFlow's are. */
const badReference = (step: string, field: string, message: string) =>
  invalid(`Step "${step}": ${message}`, {
    path: `body/definition/steps/${step}/${field}`,
    field: `steps/${step}/${field}`,
    step,
    message: `Step "${step}": ${message}`,
  });

/**
 * The CSQs, calendars and prompts the flow names, each checked to be the tenant's (and a CSQ to take calls).
 * Read in the saving transaction, so what the flow names exists when it is saved.
 */
async function referencesOf(db: Db, tenantId: string, flow: Flow): Promise<FlowReferences> {
  const steps = Object.entries(flow.steps) as [string, FlowStep][];
  const csqSteps = steps.flatMap(([name, s]) => (s.type === 'queue' ? [{ name, id: s.csqId }] : []));
  const hourSteps = steps.flatMap(([name, s]) => (s.type === 'hours' ? [{ name, id: s.calendarId }] : []));
  const csqIds = [...new Set(csqSteps.map((s) => s.id))];
  const calendarIds = [...new Set(hourSteps.map((s) => s.id))];
  const [csqs, calendars] = await Promise.all([
    csqIds.length === 0
      ? []
      : db
          .selectFrom('csqs')
          .select(['id', 'name', 'channel'])
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', csqIds)
          .execute(),
    calendarIds.length === 0
      ? []
      : db
          .selectFrom('calendars')
          .select('id')
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', calendarIds)
          .execute(),
  ]);
  for (const step of csqSteps) {
    const csq = csqs.find((c) => c.id === step.id);
    if (!csq) throw badReference(step.name, 'csqId', 'csqId names no CSQ of this tenant.');
    if (csq.channel !== 'voice')
      throw badReference(
        step.name,
        'csqId',
        `the CSQ "${csq.name}" takes ${csq.channel} contacts, not calls.`,
      );
  }
  for (const step of hourSteps) {
    if (!calendars.some((c) => c.id === step.id))
      throw badReference(step.name, 'calendarId', 'calendarId names no calendar of this tenant.');
  }
  const uploaded = promptsOf(flow).find((p) => 'promptId' in p.prompt);
  if (uploaded)
    throw badReference(
      uploaded.step,
      uploaded.field.replaceAll('.', '/'),
      'promptId names no uploaded prompt of this tenant.',
    );
  return { csqIds, calendarIds, promptIds: [] };
}

export async function listCallFlows(db: Db, principal: Principal) {
  authorize(principal, 'callFlow.read');
  return (await callFlowsRepository.list(db, principal.tenantId)).map(presentCallFlow);
}

export function getCallFlow(db: Db, principal: Principal, id: string) {
  authorize(principal, 'callFlow.read');
  return found('Call flow', load(principal.tenantId, id)(db));
}

export async function createCallFlow(
  db: Db,
  principal: Principal,
  input: CallFlowInput,
  at: Date,
  speaks: () => Promise<boolean>,
) {
  authorize(principal, 'callFlow.manage');
  const definition = parseFlow(input.definition);
  await checkSpeech(definition, speaks);
  const id = crypto.randomUUID();
  const { tenantId } = principal;
  return found(
    'Call flow',
    auditedChange(db, principal, {
      ...target(id),
      action: 'create',
      load: load(tenantId, id),
      apply: async (trx) => {
        const max = LIMITS.callFlowsPerTenant.max;
        if ((await callFlowsRepository.countForCreate(trx, tenantId)) >= max)
          throw conflict(`A tenant may have at most ${max} call flows; delete one first.`, {
            limit: max,
            what: 'callFlowsPerTenant',
          });
        const references = await referencesOf(trx, tenantId, definition);
        await callFlowsRepository.insert(trx, tenantId, {
          id,
          name: input.name,
          definition,
          references,
          savedBy: principal.userId,
          at,
        });
      },
    }),
  );
}

/**
 * Saves a new version: the name and the whole definition. `version` is the one the change was made from; if
 * someone saved the flow since, the change is refused (409) rather than silently undoing theirs.
 */
export async function saveCallFlow(
  db: Db,
  principal: Principal,
  id: string,
  input: CallFlowInput & { version: number },
  at: Date,
  speaks: () => Promise<boolean>,
) {
  authorize(principal, 'callFlow.manage');
  const definition = parseFlow(input.definition);
  await checkSpeech(definition, speaks);
  const { tenantId } = principal;
  return found(
    'Call flow',
    auditedChange(db, principal, {
      ...target(id),
      action: 'update',
      load: load(tenantId, id),
      apply: async (trx, before) => {
        const references = await referencesOf(trx, tenantId, definition);
        const saved = await callFlowsRepository.saveVersion(trx, tenantId, id, {
          expectedVersion: input.version,
          name: input.name,
          definition,
          references,
          savedBy: principal.userId,
          at,
        });
        if (saved === null) {
          const current = before?.version;
          throw conflict(
            `The flow was saved by someone else since version ${input.version} (it is at version ${current}): load it again and make the change there.`,
            { version: current },
          );
        }
      },
    }),
  );
}

export async function deleteCallFlow(db: Db, principal: Principal, id: string): Promise<void> {
  authorize(principal, 'callFlow.manage');
  await auditedChange(db, principal, {
    ...target(id),
    action: 'delete',
    load: load(principal.tenantId, id),
    apply: async (trx) => {
      const widgets = await chatWidgetsRepository.usingFlow(trx, principal.tenantId, id);
      if (widgets.length > 0)
        throw conflict(
          `The call flow is in use: chat widget(s) ${widgets.map((n) => `"${n}"`).join(', ')} send calls through it. Change them first.`,
          { widgets },
        );
      await refuseIfNumbersUse(trx, principal.tenantId, 'call flow', id);
      await callFlowsRepository.delete(trx, principal.tenantId, id);
    },
  });
}

const presentVersion = (row: { version: number; name: string; saved_by: string | null; saved_at: Date }) => ({
  version: row.version,
  name: row.name,
  savedBy: row.saved_by,
  savedAt: row.saved_at.toISOString(),
});

export async function callFlowVersions(db: Db, principal: Principal, id: string) {
  authorize(principal, 'callFlow.read');
  await getCallFlow(db, principal, id);
  return (await callFlowsRepository.versions(db, principal.tenantId, id)).map(presentVersion);
}

export async function callFlowVersion(db: Db, principal: Principal, id: string, version: number) {
  authorize(principal, 'callFlow.read');
  const row = await callFlowsRepository.version(db, principal.tenantId, id, version);
  if (!row) throw notFound('Version');
  return { ...presentVersion(row), definition: row.definition };
}

/** Refuses to delete a CSQ or calendar that a call flow (or a chat widget, or a number) still uses. */
export async function refuseIfInUse(
  db: Db,
  tenantId: string,
  what: 'calendar' | 'CSQ',
  id: string,
): Promise<void> {
  await refuseIfWidgetsUse(db, tenantId, what, id);
  if (what === 'CSQ') await refuseIfNumbersUse(db, tenantId, what, id);
  const names = await callFlowsRepository.using(db, tenantId, what === 'CSQ' ? 'csq' : 'calendar', id);
  if (names.length === 0) return;
  const uses = what === 'CSQ' ? 'send calls to it' : 'check their hours by it';
  throw conflict(
    `The ${what} is in use: call flow(s) ${names.map((n) => `"${n}"`).join(', ')} ${uses}. Change them first.`,
    {
      callFlows: names,
    },
  );
}
