import { type Channel, invalid } from '@switchboard/core';
import type { Db } from '../db/database.ts';

/** A refusal that the desktop shows under the field it names (`body/csqIds/2` → csqIds). */
export const fieldError = (path: string, message: string) => [{ path: `body/${path}`, message }];

/**
 * The CSQs a response or wrap-up category is tagged to: each once, each a CSQ of this tenant and, when a
 * channel is given, of that channel. Returns them sorted, so stored tags compare equal however they came.
 */
export async function checkCsqTags(
  db: Db,
  tenantId: string,
  csqIds: readonly string[],
  channel?: Channel,
): Promise<string[]> {
  const twice = csqIds.findIndex((id, index) => csqIds.indexOf(id) !== index);
  if (twice >= 0) {
    const message = 'lists this CSQ more than once';
    throw invalid(`csqIds[${twice}] ${message}.`, fieldError(`csqIds/${twice}`, message));
  }
  const rows =
    csqIds.length === 0
      ? []
      : await db
          .selectFrom('csqs')
          .select(['id', 'channel'])
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', csqIds)
          .execute();
  const channels = new Map(rows.map((row) => [row.id, row.channel]));
  for (const [index, id] of csqIds.entries()) {
    const found = channels.get(id);
    if (!found) {
      const message = 'is not a CSQ of this tenant';
      throw invalid(`csqIds[${index}] ${message}.`, fieldError(`csqIds/${index}`, message));
    }
    if (channel && found !== channel) {
      const message = `is a ${found} CSQ; a ${channel} response is tagged to ${channel} CSQs only`;
      throw invalid(`csqIds[${index}] ${message}.`, fieldError(`csqIds/${index}`, message));
    }
  }
  return [...csqIds].sort();
}
