import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parseMapping } from './intervals.ts';
import { runCli } from './testing.ts';

let dir: string;
let env: Record<string, string>;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-intervals-'));
  env = { SWITCHBOARD_DATA: join(dir, 'data') };
  const created = await runCli(['tenant', 'create', 'history', '--admin-password', 'long-enough-1'], env);
  assert.equal(created.code, 0, created.stderr);
});
after(() => rm(dir, { recursive: true, force: true }));

const intervals = (...args: string[]) => runCli(['intervals', ...args, '--tenant', 'history'], env);

test('--map takes "column=field" pairs, or JSON', () => {
  assert.deepEqual(parseMapping('Handled=answered, Talk time=ahtSeconds'), {
    Handled: 'answered',
    'Talk time': 'ahtSeconds',
  });
  assert.deepEqual(parseMapping('{"A=B":"queue"}'), { 'A=B': 'queue' });
  assert.throws(() => parseMapping('Handled'), /has no "="/);
});

test('intervals import checks a file, imports it, refuses one with an error; export writes the default columns', async () => {
  const file = join(dir, 'march.csv');
  await writeFile(
    file,
    'Minutes;Calls Presented;Handled;Calls Abandoned;Avg Call Duration\n2026-03-02 08:00;10;9;1;3:05\n2026-03-02 08:15;4;4;0;60\n',
  );
  const dry = await intervals('import', file, '--minutes', '15', '--queue', 'Sales', '--dry-run');
  assert.equal(dry.code, 1);
  assert.match(dry.stderr, /line 1: no column for Calls Answered; map one of: Handled/);

  const imported = await intervals(
    'import',
    file,
    '--minutes',
    '15',
    '--queue',
    'Sales',
    '--map',
    'Handled=answered',
  );
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /Imported 2 rows of march\.csv into tenant "history": 2 new, 0 replaced\./);

  await writeFile(
    file,
    'Minutes,Queue,Offered,Answered,Abandoned,AHT\n2026-03-02 08:15,Sales,5,5,0,60\n2026-03-02 08:30,Sales,5,6,0,60\n',
  );
  const refused = await intervals('import', file, '--minutes', '15');
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /line 3: Answered is greater than Offered/);
  assert.match(refused.stderr, /nothing was imported/);

  const out = join(dir, 'out.csv');
  const exported = await intervals(
    'export',
    '--from',
    '2026-03-02T00:00:00Z',
    '--to',
    '2026-03-03T00:00:00Z',
    '--out',
    out,
  );
  assert.equal(exported.code, 0, exported.stderr);
  assert.deepEqual((await readFile(out, 'utf8')).trim().split('\n'), [
    'Minutes,Calls Presented,Calls Answered,Calls Abandoned,Avg Call Duration,Queue,ASA,Service Level',
    '2026-03-02T08:00:00+00:00,10,9,1,185,Sales,,',
    '2026-03-02T08:15:00+00:00,4,4,0,60,Sales,,',
  ]);
});
