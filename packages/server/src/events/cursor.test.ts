import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SwitchboardError } from '@switchboard/core';
import fc from 'fast-check';
import { decodeCursor, encodeCursor } from './cursor.ts';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof SwitchboardError) return error.code;
    throw error;
  }
  return 'accepted';
};

describe('event log cursors', () => {
  test('a cursor the server gave names the same position again, up to the log’s last', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.nat(), fc.nat(), (tenant, position, ahead) => {
        const latest = position + ahead;
        assert.equal(decodeCursor(tenant, encodeCursor(tenant, position), latest), position);
      }),
    );
  });

  test('another tenant’s cursor, one ahead of the log, or a made-up one is refused with its own code', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.nat(1000), (mine, theirs, position) => {
        fc.pre(mine.slice(0, 8) !== theirs.slice(0, 8));
        assert.equal(
          codeOf(() => decodeCursor(mine, encodeCursor(theirs, position), position)),
          'cursor_wrong_tenant',
        );
        assert.equal(
          codeOf(() => decodeCursor(mine, encodeCursor(mine, position + 1), position)),
          'cursor_ahead',
        );
      }),
    );
    const tenant = '7f1c2d3e-0000-4000-8000-000000000000';
    for (const made of [
      '',
      '42',
      '7f1c2d3e',
      '7f1c2d3e.',
      '7f1c2d3e.-1',
      '7f1c2d3e.01',
      '7f1c2d3e.1.2',
      '7F1C2D3E.1',
      '7f1c2d3e.99999999999999999',
      ' 7f1c2d3e.1',
    ])
      assert.equal(
        codeOf(() => decodeCursor(tenant, made, 10)),
        'cursor_malformed',
        made,
      );
  });
});
