import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseOpenHours, parseSpecialDays } from './open-hours.ts';

test('open hours read as a planner types them, days not named closed', () => {
  const hours = parseOpenHours('mon-thu 08:00-20:00; fri 08:00-14:00; sun 09:00-12:00,13:00-17:00');
  assert.deepEqual(hours.monday, [{ start: '08:00', end: '20:00' }]);
  assert.deepEqual(hours.thursday, [{ start: '08:00', end: '20:00' }]);
  assert.deepEqual(hours.friday, [{ start: '08:00', end: '14:00' }]);
  assert.deepEqual(hours.saturday, []);
  assert.deepEqual(hours.sunday, [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ]);
  // A range may wrap past Sunday.
  assert.deepEqual(
    Object.keys(parseOpenHours('sun-tue 00:00-24:00')).filter(
      (d) => parseOpenHours('sun-tue 00:00-24:00')[d as 'monday'].length > 0,
    ),
    ['monday', 'tuesday', 'sunday'],
  );
  for (const bad of [
    '',
    'mon',
    'monday 08:00-20:00',
    'mon 20:00-08:00',
    'mon 8-20',
    'mon-fri 08:00-20:00 extra',
  ]) {
    assert.throws(() => parseOpenHours(bad), { code: 'validation_failed' }, bad);
  }
});

test('special days: learned, typed factor or closed; anything else is refused with what to write', () => {
  assert.deepEqual(parseSpecialDays('2026-12-24, 2026-12-31=0.6,2026-12-25=closed'), [
    { date: '2026-12-24' },
    { date: '2026-12-31', factor: 0.6 },
    { date: '2026-12-25', closed: true },
  ]);
  for (const bad of ['24/12/2026', '2026-12-31=', '2026-12-31=-1', '2026-12-31=half']) {
    assert.throws(() => parseSpecialDays(bad), { code: 'validation_failed' }, bad);
  }
});
