import {
  authorize,
  checkWidgetLabels,
  conflict,
  invalid,
  LIMITS,
  notFound,
  type PublicWidget,
  type WidgetCalls,
  type WidgetSettingsInput,
  widgetServiceState,
  withWidgetDefaults,
} from '@switchboard/core';
import { auditedChange, found } from '../audit/audited-change.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { calendarsRepository } from '../db/repositories/index.ts';
import {
  type ChatWidgetFields,
  chatWidgetsRepository,
  type StoredChatWidget,
} from './chat-widgets.repository.ts';

/** A widget as an administrator sends it (`POST` and `PUT /chat-widgets`), after the schema's checks. */
export interface ChatWidgetInput extends WidgetSettingsInput {
  name: string;
  description?: string | undefined;
  problemStatements: { id?: string | undefined; label: string; csqId: string }[];
}

export const presentChatWidget = (widget: StoredChatWidget) => ({
  id: widget.id,
  name: widget.name,
  description: widget.description,
  problemStatements: widget.problemStatements,
  ...widget.settings,
  createdAt: widget.createdAt.toISOString(),
  updatedAt: widget.updatedAt.toISOString(),
});

const loadWidget = (tenantId: string, id: string) => async (db: Db) => {
  const widget = await chatWidgetsRepository.findById(db, tenantId, id);
  return widget && presentChatWidget(widget);
};

const target = (id: string) => ({ entity: 'chat widget', entityType: 'chat_widget', entityId: id });

/**
 * The settings with their defaults, checked beyond what the schema says: labels unique, each problem
 * statement's CSQ a chat CSQ of this tenant, the calendar one of this tenant, and a problem statement id sent
 * back only for one the widget has (which keeps its id).
 */
async function fieldsOf(
  db: Db,
  tenantId: string,
  input: ChatWidgetInput,
  existing: StoredChatWidget | undefined,
): Promise<ChatWidgetFields> {
  const { name, description, problemStatements, ...settingsInput } = input;
  const settings = withWidgetDefaults(settingsInput);
  checkWidgetLabels(settings, problemStatements);
  const channels = await chatWidgetsRepository.csqChannels(
    db,
    tenantId,
    problemStatements.map((s) => s.csqId),
  );
  const keep = new Set(existing?.problemStatements.map((s) => s.id) ?? []);
  const kept = new Set<string>();
  const statements = problemStatements.map((statement, i) => {
    const path = `body/problemStatements/${i}`;
    const channel = channels.get(statement.csqId);
    if (channel === undefined) {
      throw invalid(`Problem statement "${statement.label}": no CSQ ${statement.csqId} in this tenant.`, [
        { path: `${path}/csqId`, message: 'is not a CSQ of this tenant' },
      ]);
    }
    if (channel !== 'chat') {
      throw invalid(
        `Problem statement "${statement.label}" maps to a ${channel} CSQ; chats go to chat CSQs only.`,
        [{ path: `${path}/csqId`, message: `is a ${channel} CSQ, not a chat CSQ` }],
      );
    }
    if (statement.id !== undefined && (!keep.has(statement.id) || kept.has(statement.id))) {
      throw invalid(
        `Problem statement "${statement.label}": ${statement.id} is not one of this widget's statements (leave the id out for a new one).`,
        [{ path: `${path}/id`, message: "is not one of this widget's problem statements" }],
      );
    }
    const id = statement.id ?? crypto.randomUUID();
    kept.add(id);
    return { id, label: statement.label, csqId: statement.csqId };
  });
  const callCsq = settings.calls.csqId;
  const callFlow = settings.calls.flowId;
  if (callCsq !== null && callFlow !== null)
    throw invalid('Calls go to a voice CSQ or through a call flow, not both.', [
      { path: 'body/calls/flowId', message: 'must be null while calls/csqId names a CSQ' },
    ]);
  if (callFlow !== null && !(await chatWidgetsRepository.flowExists(db, tenantId, callFlow)))
    throw invalid(`Calls: there is no call flow ${callFlow} in this tenant.`, [
      { path: 'body/calls/flowId', message: 'is not a call flow of this tenant' },
    ]);
  if (callCsq !== null) {
    const channel = (await chatWidgetsRepository.csqChannels(db, tenantId, [callCsq])).get(callCsq);
    if (channel !== 'voice')
      throw invalid(
        channel === undefined
          ? `Calls: there is no CSQ ${callCsq} in this tenant.`
          : `Calls go to a voice CSQ; ${callCsq} is a ${channel} CSQ.`,
        [
          {
            path: 'body/calls/csqId',
            message:
              channel === undefined ? 'is not a CSQ of this tenant' : `is a ${channel} CSQ, not a voice CSQ`,
          },
        ],
      );
  }
  const { calendarId } = settings.serviceHours;
  if (calendarId !== null && !(await calendarsRepository.findById(db, tenantId, calendarId))) {
    throw invalid(`There is no calendar ${calendarId} in this tenant.`, [
      { path: 'body/serviceHours/calendarId', message: 'is not a calendar of this tenant' },
    ]);
  }
  return { name, description: description ?? '', settings, problemStatements: statements };
}

export async function listChatWidgets(db: Db, principal: Principal) {
  authorize(principal, 'widget.read');
  return (await chatWidgetsRepository.list(db, principal.tenantId)).map(presentChatWidget);
}

export function getChatWidget(db: Db, principal: Principal, id: string) {
  authorize(principal, 'widget.read');
  return found('Chat widget', loadWidget(principal.tenantId, id)(db));
}

export async function createChatWidget(db: Db, principal: Principal, input: ChatWidgetInput) {
  authorize(principal, 'widget.manage');
  const { tenantId } = principal;
  const fields = await fieldsOf(db, tenantId, input, undefined);
  const id = crypto.randomUUID();
  return found(
    'Chat widget',
    auditedChange(db, principal, {
      ...target(id),
      action: 'create',
      load: loadWidget(tenantId, id),
      apply: async (trx) => {
        const max = LIMITS.widgetsPerTenant.max;
        if ((await chatWidgetsRepository.countForCreate(trx, tenantId)) >= max) {
          throw conflict(`A tenant may have at most ${max} chat widgets; delete one before adding another.`, {
            limit: max,
          });
        }
        await chatWidgetsRepository.insert(trx, tenantId, id, fields);
      },
    }),
  );
}

/** Replaces the whole widget: settings the body leaves out go back to their defaults. */
export async function replaceChatWidget(db: Db, principal: Principal, id: string, input: ChatWidgetInput) {
  authorize(principal, 'widget.manage');
  const { tenantId } = principal;
  const existing = await found('Chat widget', chatWidgetsRepository.findById(db, tenantId, id));
  const fields = await fieldsOf(db, tenantId, input, existing);
  return found(
    'Chat widget',
    auditedChange(db, principal, {
      ...target(id),
      action: 'update',
      load: loadWidget(tenantId, id),
      apply: (trx) => chatWidgetsRepository.update(trx, tenantId, id, fields),
    }),
  );
}

export async function deleteChatWidget(db: Db, principal: Principal, id: string): Promise<void> {
  authorize(principal, 'widget.manage');
  await auditedChange(db, principal, {
    ...target(id),
    action: 'delete',
    load: loadWidget(principal.tenantId, id),
    apply: (trx) => chatWidgetsRepository.delete(trx, principal.tenantId, id),
  });
}

const withoutCsq = ({ csqId: _csq, flowId: _flow, ...words }: WidgetCalls) => words;

/**
 * What the embedded widget renders, with its service evaluated at `now`. Anyone may ask: a widget's id is
 * its only secret, and the answer holds nothing a customer may not see.
 */
export async function publicWidget(db: Db, id: string, now: number): Promise<PublicWidget> {
  const widget = await chatWidgetsRepository.findPublic(db, id);
  if (!widget) throw notFound('Chat widget');
  const { serviceHours: _hours, calls, ...settings } = widget.settings;
  return {
    problemStatements: widget.problemStatements.map(({ id, label }) => ({ id, label })),
    ...settings,
    calls: { ...withoutCsq(calls), enabled: calls.csqId !== null || calls.flowId !== null },
    service: await serviceOf(db, widget, now),
  };
}

async function serviceOf(db: Db, widget: StoredChatWidget, now: number) {
  const hours = widget.settings.serviceHours;
  const stored =
    hours.calendarId && (await calendarsRepository.findById(db, widget.tenantId, hours.calendarId));
  return widgetServiceState(stored ? stored.calendar : null, hours, now);
}

/**
 * For starting a chat from a widget: the tenant, the CSQ behind the chosen problem statement, the call type
 * (the statement's label, spec C2) and whether the widget is open now. not_found for an unknown widget or a
 * statement it does not have.
 */
export async function widgetChatTarget(db: Db, widgetId: string, problemStatementId: string, now: number) {
  const widget = await chatWidgetsRepository.findPublic(db, widgetId);
  if (!widget) throw notFound('Chat widget');
  const statement = widget.problemStatements.find((s) => s.id === problemStatementId);
  if (!statement) throw notFound('Problem statement');
  return {
    tenantId: widget.tenantId,
    widgetId: widget.id,
    csqId: statement.csqId,
    callType: statement.label,
    fields: widget.settings.fields,
    service: await serviceOf(db, widget, now),
  };
}

/** For a call from a widget's page: the tenant, the voice CSQ, the call type (the widget's name), open or not. */
export async function widgetCallTarget(db: Db, widgetId: string, now: number) {
  const widget = await chatWidgetsRepository.findPublic(db, widgetId);
  if (!widget) throw notFound('Chat widget');
  return {
    tenantId: widget.tenantId,
    csqId: widget.settings.calls.csqId,
    flowId: widget.settings.calls.flowId,
    callType: widget.name,
    service: await serviceOf(db, widget, now),
  };
}

/** Refuses to delete a calendar or CSQ while a widget uses it, naming the widgets. */
export async function refuseIfWidgetsUse(db: Db, tenantId: string, what: 'calendar' | 'CSQ', id: string) {
  const names =
    what === 'calendar'
      ? await chatWidgetsRepository.usingCalendar(db, tenantId, id)
      : await chatWidgetsRepository.usingCsq(db, tenantId, id);
  if (names.length === 0) return;
  const uses =
    what === 'calendar' ? 'keep their service hours by it' : 'map problem statements or calls to it';
  throw conflict(
    `The ${what} is in use: chat widget(s) ${names.map((n) => `"${n}"`).join(', ')} ${uses}. Change them first.`,
    { widgets: names },
  );
}
