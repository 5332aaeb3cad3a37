import type { AgentSegment, ContactLeg, DetailRecords } from './detail-records.ts';

const LEG_FIELDS: readonly (keyof ContactLeg)[] = [
  'leg',
  'channel',
  'csqId',
  'callType',
  'chatType',
  'fromCsqId',
  'enteredAt',
  'firstOfferedAt',
  'answeredAt',
  'agentId',
  'endedAt',
  'outcome',
  'handleEndedAt',
  'offers',
  'noAnswers',
  'ringMs',
  'talkMs',
  'holdMs',
  'wrapMs',
  'transfersOut',
];

const SEGMENT_FIELDS: readonly (keyof AgentSegment)[] = [
  'agentId',
  'seq',
  'leg',
  'channel',
  'csqId',
  'callType',
  'chatType',
  'role',
  'fromCsqId',
  'offeredAt',
  'answeredAt',
  'talkEndedAt',
  'wrapUpEndedAt',
  'outcome',
  'ringMs',
  'holdMs',
  'wrapReasons',
];

/**
 * Every record of each contact as one text, in a fixed order whatever order the records came in: equal texts,
 * equal records. A capture keeps a hash of it with the records, and writes a contact's records again only when
 * the text of its records folded again differs.
 */
export function recordFingerprints(records: DetailRecords): Map<string, string> {
  const parts = new Map<string, string[]>();
  const add = (contactId: string, text: string) => {
    const list = parts.get(contactId);
    if (list) list.push(text);
    else parts.set(contactId, [text]);
  };
  for (const leg of records.legs) add(leg.contactId, `L${JSON.stringify(LEG_FIELDS.map((f) => leg[f]))}`);
  for (const segment of records.segments)
    add(segment.contactId, `S${JSON.stringify(SEGMENT_FIELDS.map((f) => segment[f]))}`);
  return new Map([...parts].map(([contactId, texts]) => [contactId, texts.sort().join('\n')]));
}
