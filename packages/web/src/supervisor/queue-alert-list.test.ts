import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeAlerts, type QueueAlert } from './queue-alert-list.ts';

let n = 0;
const alert = (csqId: string, figure: QueueAlert['figure'], text = `${csqId} ${figure}`): QueueAlert => ({
  key: `${csqId}:${figure}:${++n}`,
  csqId,
  figure,
  text,
});

test('a figure that crosses its threshold again replaces its alert: one per CSQ and figure', () => {
  let shown: QueueAlert[] = [];
  for (let i = 0; i < 50; i++)
    shown = mergeAlerts(shown, [alert('billing', 'waiting', `billing ${i} waiting`)]);
  assert.deepEqual(
    shown.map((a) => a.text),
    ['billing 49 waiting'],
  );
});

test('other figures and other CSQs keep their own alerts, in the order they first came', () => {
  const first = [alert('billing', 'waiting'), alert('billing', 'longestWait'), alert('sales', 'waiting')];
  const again = alert('billing', 'longestWait', 'billing longest wait again');
  const shown = mergeAlerts(mergeAlerts([], first), [again, alert('sales', 'serviceLevel')]);
  assert.deepEqual(
    shown.map((a) => a.text),
    ['billing waiting', 'billing longest wait again', 'sales waiting', 'sales serviceLevel'],
  );
  assert.equal(shown[1]?.key, again.key, 'a new key: the alert is announced again');
});
