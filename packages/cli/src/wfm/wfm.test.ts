import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../testing.ts';

const dir = await mkdtemp(join(tmpdir(), 'switchboard-wfm-'));
const csvRows = (text: string) => {
  const [header, ...lines] = text.trim().split('\n');
  const columns = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
};

describe('switchboard wfm staff', () => {
  test('staffs one interval: 100 contacts in 30 min at 180 s for 80/20 needs 14 agents (CRAN ErlangC example)', async () => {
    const { code, stdout } = await runCli([
      'wfm',
      'staff',
      '--volume',
      '100',
      '--aht',
      '180',
      '--sl',
      '80/20',
    ]);
    assert.equal(code, 0);
    const [row] = csvRows(stdout);
    assert.equal(row?.agents, '14');
    assert.equal(row?.service_level, '0.8884');
    assert.equal(row?.asa_seconds, '7.84');
    assert.equal(row?.wait_probability, '0.1741');
  });

  test('applies shrinkage to the staff to schedule', async () => {
    const { stdout } = await runCli([
      'wfm',
      'staff',
      '--volume',
      '100',
      '--aht',
      '180',
      '--shrinkage',
      '0.3',
    ]);
    assert.equal(csvRows(stdout)[0]?.staff, '20');
  });

  test('a bad target is refused with a message that says what to fix', async () => {
    const { code, stderr } = await runCli([
      'wfm',
      'staff',
      '--volume',
      '100',
      '--aht',
      '180',
      '--sl',
      'fast',
    ]);
    assert.equal(code, 1);
    assert.match(stderr, /--sl must be PERCENT\/SECONDS/);
  });
});

describe('switchboard wfm forecast', () => {
  // Four weeks, Monday–Friday 08:00–12:00 in 30-minute intervals, the same pattern every day.
  const pattern = [20, 35, 50, 45, 40, 30, 25, 15];
  const lines = ['interval_start,volume,aht_seconds'];
  for (let day = 0; day < 28; day++) {
    const date = new Date(Date.UTC(2026, 0, 5 + day));
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    pattern.forEach((volume, slot) => {
      lines.push(`${new Date(date.getTime() + (8 * 60 + 30 * slot) * 60_000).toISOString()},${volume},240`);
    });
  }
  const history = join(dir, 'history.csv');

  test('forecasts a steady weekly pattern exactly, after comparing the methods by backtest', async () => {
    await writeFile(history, `${lines.join('\n')}\n`);
    const output = join(dir, 'forecast.csv');
    const { code, stderr } = await runCli([
      'wfm',
      'forecast',
      '--input',
      history,
      '--days',
      '1',
      '--from',
      '2026-02-02T00:00:00Z',
      '--backtest-weeks',
      '2',
      '--output',
      output,
    ]);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /weekday-mean-4 +WAPE 0\.00 %/);
    assert.match(stderr, /Forecasting with /);
    const rows = csvRows(await readFile(output, 'utf8'));
    assert.equal(rows.length, 48);
    const open = rows.filter((r) => Number(r.volume) > 0);
    assert.deepEqual(
      open.map((r) => Number(r.volume)),
      pattern,
    );
    assert.equal(open[0]?.interval_start, '2026-02-02T08:00:00.000Z');
    assert.ok(open.every((r) => r.aht_seconds === '240'));
  });

  test('its output feeds wfm staff, one row per interval', async () => {
    const forecast = join(dir, 'forecast.json');
    await runCli([
      'wfm',
      'forecast',
      '--input',
      history,
      '--days',
      '1',
      '--from',
      '2026-02-02T00:00:00Z',
      '--output',
      forecast,
    ]);
    const { code, stdout, stderr } = await runCli(['wfm', 'staff', '--input', forecast, '--interval', '30']);
    assert.equal(code, 0, stderr);
    const rows = csvRows(stdout);
    assert.equal(rows.length, 48);
    assert.equal(rows.find((r) => r.interval_start === '2026-02-02T09:00:00.000Z')?.load_erlangs, '6.667');
    assert.equal(rows[0]?.agents, '0');
  });

  test('reads 6-minute data with open hours and special days; with --from, nothing after it is used', async () => {
    // Five weeks of 6-minute data: Monday–Thursday 08:00–12:00, Friday a short day to 10:00, 3 calls each.
    // The last week, after --from, is 50 times busier: neither the forecast nor the method choice may see it.
    const rows6 = ['interval_start,calls'];
    const from = Date.UTC(2026, 1, 2);
    for (let day = 0; day < 35; day++) {
      const date = Date.UTC(2026, 0, 5 + day);
      const weekday = new Date(date).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const minutes = weekday === 5 ? 120 : 240;
      for (let m = 0; m < minutes; m += 6) {
        rows6.push(`${new Date(date + (8 * 60 + m) * 60_000).toISOString()},${date >= from ? 150 : 3}`);
      }
    }
    const full = join(dir, 'six.csv');
    const cut = join(dir, 'six-cut.csv');
    await writeFile(full, `${rows6.join('\n')}\n`);
    await writeFile(
      cut,
      `${rows6.filter((line, i) => i === 0 || Date.parse(line.split(',')[0] ?? '') < from).join('\n')}\n`,
    );
    const forecastOf = async (input: string) => {
      const output = join(dir, `forecast-${input.endsWith('cut.csv') ? 'cut' : 'full'}.csv`);
      const { code, stderr } = await runCli([
        'wfm',
        'forecast',
        '--input',
        input,
        '--interval',
        '30',
        '--open-hours',
        'mon-thu 08:00-12:00; fri 08:00-10:00',
        '--special',
        '2026-02-06=0.5',
        '--closed',
        '2026-02-05',
        '--days',
        '5',
        '--from',
        '2026-02-02T00:00:00Z',
        '--output',
        output,
      ]);
      assert.equal(code, 0, stderr);
      return { rows: csvRows(await readFile(output, 'utf8')), stderr };
    };
    const withLater = await forecastOf(full);
    const onlyBefore = await forecastOf(cut);
    assert.deepEqual(withLater.rows, onlyBefore.rows);
    assert.equal(withLater.stderr, onlyBefore.stderr);
    const volumeAt = (at: string) => Number(withLater.rows.find((r) => r.interval_start === at)?.volume);
    // Five 6-minute intervals of 3 calls: 15 per half hour; the special Friday at half; the closed Thursday 0.
    assert.equal(volumeAt('2026-02-02T11:30:00.000Z'), 15);
    assert.equal(volumeAt('2026-02-02T12:00:00.000Z'), 0);
    assert.equal(volumeAt('2026-02-05T09:00:00.000Z'), 0);
    assert.equal(volumeAt('2026-02-06T09:30:00.000Z'), 7.5);
    assert.equal(volumeAt('2026-02-06T10:00:00.000Z'), 0);
  });

  test('--holdout says when the history is too short for a holdout table, and forecasts all the same', async () => {
    const { code, stderr } = await runCli([
      'wfm',
      'forecast',
      '--input',
      history,
      '--days',
      '1',
      '--holdout',
    ]);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /No holdout table: The history needs more than 16 weeks/);
    assert.match(stderr, /Forecasting with /);
  });

  test('open hours or special days written wrong are refused with what to write', async () => {
    const first = await runCli(['wfm', 'forecast', '--input', history, '--open-hours', 'weekdays 8-20']);
    assert.equal(first.code, 1);
    assert.match(first.stderr, /not a weekday or a range of weekdays .*e\.g\. mon-fri/);
    const second = await runCli(['wfm', 'forecast', '--input', history, '--special', '2026-12-31=half']);
    assert.equal(second.code, 1);
    assert.match(second.stderr, /a factor ≥ 0 such as 0\.6/);
  });

  test('a file without the needed columns is refused', async () => {
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, 'when,how_many\n2026-01-05T08:00:00Z,3\n');
    const { code, stderr } = await runCli(['wfm', 'forecast', '--input', bad]);
    assert.equal(code, 1);
    assert.match(stderr, /interval_start/);
  });
});

describe('switchboard wfm schedule', () => {
  const required = new Array<number>(672).fill(0);
  required.fill(2, 36, 68); // Monday 09:00–17:00: two agents.
  const instance = {
    workloads: [{ id: 'calls', required }],
    templates: [{ id: 'T8', lengthMinutes: 480, breaks: [] }],
    agents: ['ana', 'ben'].map((id) => ({
      id,
      skills: ['calls'],
      templates: ['T8'],
      minHoursPerWeek: 8,
      maxHoursPerWeek: 8,
    })),
  };

  test('covers a requirement exactly with the agents it has, and writes the shifts', async () => {
    const input = join(dir, 'instance.json');
    await writeFile(input, JSON.stringify(instance));
    const output = join(dir, 'schedule.json');
    const { code, stderr } = await runCli([
      'wfm',
      'schedule',
      '--input',
      input,
      '--time-limit',
      '20',
      '--output',
      output,
    ]);
    assert.equal(code, 0, stderr);
    const result = JSON.parse(await readFile(output, 'utf8'));
    assert.equal(result.objective, 0);
    assert.deepEqual(result.violations, []);
    assert.deepEqual(
      result.shifts.map((s: { agentId: string; start: number; end: number }) => [s.agentId, s.start, s.end]),
      [
        ['ana', 36, 68],
        ['ben', 36, 68],
      ],
    );
    const csv = await runCli(['wfm', 'schedule', '--input', input, '--time-limit', '20', '--format', 'csv']);
    assert.deepEqual(
      csvRows(csv.stdout).map((r) => [r.agent, r.start, r.end, r.activity]),
      [
        ['ana', 'Mon 09:00', 'Mon 17:00', 'calls'],
        ['ben', 'Mon 09:00', 'Mon 17:00', 'calls'],
      ],
    );
  });

  test('an instance that breaks the model is refused with the field named', async () => {
    const input = join(dir, 'broken.json');
    await writeFile(
      input,
      JSON.stringify({ ...instance, workloads: [{ id: 'calls', required: [1, 2, 3] }] }),
    );
    const { code, stderr } = await runCli(['wfm', 'schedule', '--input', input]);
    assert.equal(code, 1);
    assert.match(stderr, /required/);
  });
});
