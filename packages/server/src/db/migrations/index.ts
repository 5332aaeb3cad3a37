import { foundation } from './0001-foundation.ts';
import { acd } from './0002-acd.ts';
import { calendars } from './0003-calendars.ts';
import { teamMessages } from './0004-team-messages.ts';
import { csqServiceLevel } from './0005-csq-service-level.ts';
import { responsesWrapUp } from './0006-responses-wrap-up.ts';
import { chatWidgets } from './0007-chat-widgets.ts';
import { chatSessions } from './0008-chat-sessions.ts';
import { groupChat } from './0009-group-chat.ts';
import { signInAndSecrets } from './0010-sign-in-and-secrets.ts';
import { streamTickets } from './0011-stream-tickets.ts';
import { contactNotes } from './0012-contact-notes.ts';
import { chatWhispers } from './0013-chat-whispers.ts';
import { csqThresholds } from './0014-csq-thresholds.ts';
import { assistRequests } from './0015-assist-requests.ts';
import { namesIgnoreCase } from './0016-names-ignore-case.ts';
import { connectionLostReason } from './0017-connection-lost-reason.ts';
import { agentStateLatest } from './0018-agent-state-latest.ts';
import { eventLog } from './0019-event-log.ts';
import { contactsByCreation } from './0020-contacts-by-creation.ts';
import { chatRecordExports } from './0021-chat-record-exports.ts';
import { reporting } from './0022-reporting.ts';
import { intervalHistory } from './0023-interval-history.ts';
import { retention } from './0024-retention.ts';
import { intervalBlocks } from './0025-interval-blocks.ts';
import { workforce } from './0026-workforce.ts';
import { adherence } from './0027-adherence.ts';
import { captureFolds } from './0028-capture-folds.ts';
import { intervalRowsUnchecked } from './0029-interval-rows-unchecked.ts';
import { recordings } from './0030-recordings.ts';
import { callFlows } from './0031-call-flows.ts';
import { phoneNumbers } from './0032-phone-numbers.ts';
import { deskPhones } from './0033-desk-phones.ts';
import { outboundCalls } from './0034-outbound-calls.ts';
import { callerIdNumbers } from './0035-caller-id-numbers.ts';
import { agentIntervalsByTime } from './0036-agent-intervals-by-time.ts';
import { intervalRowsHashed } from './0037-interval-rows-hashed.ts';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Append only: a released migration is never edited, a change is a new entry. */
export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'foundation', sql: foundation },
  { id: 2, name: 'acd', sql: acd },
  { id: 3, name: 'calendars', sql: calendars },
  { id: 4, name: 'team messages', sql: teamMessages },
  { id: 5, name: 'csq service level', sql: csqServiceLevel },
  { id: 6, name: 'responses and wrap-up reasons', sql: responsesWrapUp },
  { id: 7, name: 'chat widgets', sql: chatWidgets },
  { id: 8, name: 'chat sessions', sql: chatSessions },
  { id: 9, name: 'group chat', sql: groupChat },
  { id: 10, name: 'sign-in throttle and sealed secrets', sql: signInAndSecrets },
  { id: 11, name: 'stream tickets', sql: streamTickets },
  { id: 12, name: 'contact notes', sql: contactNotes },
  { id: 13, name: 'chat whispers', sql: chatWhispers },
  { id: 14, name: 'csq alert thresholds', sql: csqThresholds },
  { id: 15, name: 'assist requests', sql: assistRequests },
  { id: 16, name: 'names unique ignoring case', sql: namesIgnoreCase },
  { id: 17, name: 'connection lost reason code', sql: connectionLostReason },
  { id: 18, name: 'agent state latest index', sql: agentStateLatest },
  { id: 19, name: 'event log', sql: eventLog },
  { id: 20, name: 'contacts by creation index', sql: contactsByCreation },
  { id: 21, name: 'chat record exports', sql: chatRecordExports },
  { id: 22, name: 'reporting', sql: reporting },
  { id: 23, name: 'interval history', sql: intervalHistory },
  { id: 24, name: 'retention and erasure indexes', sql: retention },
  { id: 25, name: 'capture hashes and interval generations', sql: intervalBlocks },
  { id: 26, name: 'workforce management: workloads and forecasts', sql: workforce },
  { id: 27, name: 'real-time adherence', sql: adherence },
  { id: 28, name: 'capture folds every minute', sql: captureFolds },
  { id: 29, name: 'interval rows without a tenant check', sql: intervalRowsUnchecked },
  { id: 30, name: 'call recordings', sql: recordings },
  { id: 31, name: 'call flows', sql: callFlows },
  { id: 32, name: 'phone numbers', sql: phoneNumbers },
  { id: 33, name: 'desk phones', sql: deskPhones },
  { id: 34, name: 'outbound calls', sql: outboundCalls },
  { id: 35, name: 'caller IDs are numbers of the tenant', sql: callerIdNumbers },
  { id: 36, name: 'agent interval rows by time only', sql: agentIntervalsByTime },
  { id: 37, name: 'every interval row hashed', sql: intervalRowsHashed },
];
