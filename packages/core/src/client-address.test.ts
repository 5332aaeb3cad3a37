import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressBucket } from './client-address.ts';

test('IPv4 addresses count one by one, also when written IPv4-mapped', () => {
  assert.equal(addressBucket('192.0.2.1'), '192.0.2.1');
  assert.equal(addressBucket('::ffff:192.0.2.1'), '192.0.2.1');
});

test('IPv6 addresses count by their /64, however they are written', () => {
  const bucket = addressBucket('2001:db8:1:2::1');
  assert.equal(bucket, '2001:db8:1:2::/64');
  assert.equal(addressBucket('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'), bucket);
  assert.equal(addressBucket('2001:db8:1:2:abcd::9%eth0'), bucket);
  assert.notEqual(addressBucket('2001:db8:1:3::1'), bucket);
  assert.equal(addressBucket('::1'), '0:0:0:0::/64');
});

test('anything unparseable is kept as it is', () => {
  assert.equal(addressBucket('not-an-address'), 'not-an-address');
  assert.equal(addressBucket('1::2::3'), '1::2::3');
});
