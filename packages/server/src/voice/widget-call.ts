import { SwitchboardError } from '@switchboard/core';
import type { ChatDeps } from '../chat/chat.service.ts';
import { widgetCallTarget } from '../widgets/chat-widgets.service.ts';
import type { VoiceCalls } from './voice-calls.ts';

/**
 * A customer calls from a widget's page ("Call us"): at most as often from one address as chats may start,
 * refused while the widget is closed or offers no calls; else the call waits in the widget's voice CSQ, its
 * type the widget's name. The token answers for the caller when they hang up.
 */
export async function startWidgetCall(
  chat: ChatDeps,
  voice: VoiceCalls,
  widgetId: string,
  address: string,
  offerSdp: string,
): Promise<{ callId: string; sdp: string; token: string }> {
  const verdict = chat.startRate.take(`call ${widgetId} ${address}`);
  if (!verdict.allowed) {
    const retryAfterSeconds = Math.ceil(verdict.retryAfterMs / 1000);
    throw new SwitchboardError(
      'chat_start_rate_limited',
      `Too many calls started from here: try again in ${retryAfterSeconds} s.`,
      { retryAfterSeconds },
    );
  }
  const target = await widgetCallTarget(chat.db, widgetId, chat.clock.now());
  if (target.csqId === null && target.flowId === null)
    throw new SwitchboardError('calls_off', 'This widget offers no calls.');
  if (!target.service.open)
    throw new SwitchboardError('widget_closed', target.service.message ?? 'We are closed now.', {
      reason: target.service.reason,
      nextChange: target.service.nextChange,
    });
  const started = await voice.startWebCall(target.tenantId, {
    csqId: target.csqId ?? undefined,
    flowId: target.flowId ?? undefined,
    offerSdp,
    callType: target.callType,
  });
  return { callId: started.contactId, sdp: started.answerSdp, token: started.token };
}
