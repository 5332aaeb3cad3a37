import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTranscript } from './transcript.ts';

test('a transcript interleaves messages and notices by time, in UTC, indenting continued lines', () => {
  const t = Date.UTC(2026, 11, 5, 9, 0, 0);
  const text = formatTranscript({
    title: 'Chat transcript',
    customerName: 'Ada',
    messages: [
      { seq: 1, from: 'customer', alias: null, text: 'Hello\nanyone?', at: t },
      { seq: 2, from: 'agent', alias: 'Sam', text: '<i>Hi</i>', at: t + 2000 },
    ],
    notices: [
      { at: t + 1000, kind: 'agent_joined', alias: 'Sam' },
      { at: t + 3000, kind: 'ended', by: 'agent' },
    ],
  });
  assert.equal(
    text,
    [
      'Chat transcript',
      '',
      '[2026-12-05 09:00:00 UTC] Ada: Hello',
      '    anyone?',
      '[2026-12-05 09:00:01 UTC] Sam joined the chat.',
      '[2026-12-05 09:00:02 UTC] Sam: <i>Hi</i>',
      '[2026-12-05 09:00:03 UTC] The agent ended the chat.',
      '',
    ].join('\n'),
  );
});
