import { SwitchboardError } from '@switchboard/core';

/**
 * A position in a tenant's event log as callers see it: `<tenant tag>.<number>`. The tag (the first eight hex
 * digits of the tenant's id) lets the server tell a cursor kept from another tenant from a mistake of its own
 * tenant; the number is the last event the holder has.
 */
export type Cursor = string;

const tagOf = (tenantId: string) => tenantId.replaceAll('-', '').slice(0, 8).toLowerCase();

export const encodeCursor = (tenantId: string, position: number): Cursor => `${tagOf(tenantId)}.${position}`;

const SHAPE = /^([0-9a-f]{8})\.(0|[1-9][0-9]{0,15})$/;

/**
 * The log position a caller's cursor names in this tenant; `latest` is the tenant's last committed position.
 * Malformed, another tenant's, or ahead of the log: a 4xx the caller can act on.
 */
export function decodeCursor(tenantId: string, cursor: string, latest: number): number {
  const match = SHAPE.exec(cursor);
  const position = match ? Number(match[2]) : Number.NaN;
  if (!match || !Number.isSafeInteger(position))
    throw new SwitchboardError(
      'cursor_malformed',
      'The cursor is not one this server gave: pass back a `cursor` exactly as an event carried it.',
    );
  if (match[1] !== tagOf(tenantId))
    throw new SwitchboardError(
      'cursor_wrong_tenant',
      "The cursor belongs to another tenant's event log: start without a cursor.",
    );
  if (position > latest)
    throw new SwitchboardError(
      'cursor_ahead',
      `The cursor is ahead of the event log (its last event is ${encodeCursor(tenantId, latest)}): start without a cursor.`,
      { latest: encodeCursor(tenantId, latest) },
    );
  return position;
}
