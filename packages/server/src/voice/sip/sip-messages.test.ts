import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { conflict, invalid, notFound, SwitchboardError } from '@switchboard/core';
import type { SipMessage } from 'sip';
import { callerOf, dialledNumber, sipStatusFor } from './sip-messages.ts';

const invite = (uri: string, from = 'sip:+15550001111@192.0.2.1') =>
  ({ method: 'INVITE', uri, headers: { from: { uri: from, params: {} } } }) as unknown as SipMessage;

describe('reading a SIP call', () => {
  test('the number dialled is the request URI’s user part, visual separators dropped, or nothing', () => {
    assert.equal(dialledNumber(invite('sip:+4930123456@192.0.2.10')), '+4930123456');
    assert.equal(dialledNumber(invite('sip:%2B49-30-(123)456@192.0.2.10:5060')), '+4930123456');
    assert.equal(dialledNumber(invite('sip:2000;phone-context=example.com@192.0.2.10')), '2000');
    for (const none of ['sip:192.0.2.10', 'sip:sales@192.0.2.10', 'sip:%ZZ@192.0.2.10', 'sip:1@192.0.2.10'])
      assert.equal(dialledNumber(invite(none)), undefined, none);
  });

  test('the caller is the From user when it is plain text', () => {
    assert.equal(callerOf(invite('sip:1@h')), '+15550001111');
    assert.equal(callerOf(invite('sip:1@h', 'sip:anonymous@anonymous.invalid')), 'anonymous');
    assert.equal(callerOf(invite('sip:1@h', 'sip:%3Cscript%3E@h')), undefined);
    assert.equal(callerOf(invite('sip:1@h', 'sip:h')), undefined);
  });

  test('a call that cannot be taken gets the SIP status that says why', () => {
    assert.equal(sipStatusFor(notFound('Number')).status, 404);
    assert.equal(sipStatusFor(invalid('no offer', { field: 'sdp' })).status, 488);
    assert.equal(sipStatusFor(new SwitchboardError('limit_reached', 'busy')).status, 486);
    assert.equal(sipStatusFor(conflict('speech')).status, 503);
    assert.equal(sipStatusFor(new Error('bug')).status, 500);
  });
});
