import { type ChatFormAnswers, chatFormProblems, invalid, SwitchboardError } from '@switchboard/core';
import type { Principal } from '../auth/principal.ts';
import { widgetChatTarget } from '../widgets/chat-widgets.service.ts';
import { type ChatDeps, startChat } from './chat.service.ts';

export interface WidgetChatInput {
  problemStatementId: string;
  fields: ChatFormAnswers;
  clientId?: string | undefined;
}

/** Whom a widget's chats are started by: the widget, on behalf of its tenant (no person signs in). */
const widgetPrincipal = (tenantId: string, widgetId: string): Principal => ({
  tenantId,
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'service',
  scope: 'write',
  name: `chat widget ${widgetId}`,
});

/**
 * A customer starts a chat from a widget: refused while the widget is closed (off hours, holiday) with its
 * message, and when the form misses what the widget requires; else queued in the problem statement's CSQ.
 */
export async function startWidgetChat(
  chat: ChatDeps,
  widgetId: string,
  address: string,
  input: WidgetChatInput,
): Promise<{ chatId: string; token: string }> {
  const verdict = chat.startRate.take(`${widgetId} ${address}`);
  if (!verdict.allowed) {
    const retryAfterSeconds = Math.ceil(verdict.retryAfterMs / 1000);
    throw new SwitchboardError(
      'chat_start_rate_limited',
      `Too many chats started from here: try again in ${retryAfterSeconds} s.`,
      { retryAfterSeconds },
    );
  }
  const target = await widgetChatTarget(chat.db, widgetId, input.problemStatementId, chat.clock.now());
  if (!target.service.open)
    throw new SwitchboardError('widget_closed', target.service.message ?? 'The chat is closed now.', {
      reason: target.service.reason,
      nextChange: target.service.nextChange,
    });
  const problems = chatFormProblems(target.fields, input.fields);
  if (problems.length > 0) throw invalid(problems[0]?.message ?? 'The form is not complete.', problems);
  const { chatId, token } = await startChat(chat, widgetPrincipal(target.tenantId, target.widgetId), {
    csqId: target.csqId,
    callType: target.callType,
    widgetId: target.widgetId,
    problemStatement: target.callType,
    customer: { name: input.fields.name, email: input.fields.email, phone: input.fields.phone },
    customFields: input.fields.custom ?? {},
    clientId: input.clientId,
  });
  return { chatId, token };
}
