import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { renderPermissionTable, withPermissionTable } from './permission-table.ts';
import { PERMISSIONS } from './policy.ts';

test('docs/security.md holds the permission table the policy generates', async () => {
  const document = await readFile(new URL('../../../docs/security.md', import.meta.url), 'utf8');
  assert.equal(
    document,
    withPermissionTable(document),
    'The permission table of docs/security.md is out of date: run npm run docs:permissions',
  );
});

test('the table has a row per permission and marks what a write key may do', () => {
  const rows = renderPermissionTable().split('\n');
  for (const p of PERMISSIONS)
    assert.ok(
      rows.some((r) => r.startsWith(`| \`${p}\` |`)),
      p,
    );
  const csq = rows.find((r) => r.startsWith('| `csq.manage` |')) ?? '';
  assert.match(csq, /\| ✓ \| {2}\| {2}\| {2}\| {2}\|$/, 'only administrators manage CSQs');
  assert.match(rows.find((r) => r.startsWith('| supervisor |')) ?? '', /^\| supervisor \| ✓ \|( {2}\|){4}$/);
});

test('replacing the block keeps what surrounds it, and asks for the markers when they are missing', () => {
  const document = 'intro\n<!-- permissions:start -->\nold\n<!-- permissions:end -->\nafter\n';
  const replaced = withPermissionTable(document);
  assert.ok(replaced.startsWith('intro\n<!-- permissions:start -->\n| permission |'));
  assert.ok(replaced.endsWith('\n<!-- permissions:end -->\nafter\n'));
  assert.equal(withPermissionTable(replaced), replaced);
  assert.throws(() => withPermissionTable('no markers'), /permissions:start/);
});
