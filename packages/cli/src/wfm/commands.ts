import { type Command, Option } from 'commander';
import { type ForecastFlags, runForecast } from './forecast-command.ts';
import { runSchedule, type ScheduleFlags } from './schedule-command.ts';
import { runStaff, type StaffFlags } from './staff-command.ts';
import { addTenantWfmCommands } from './tenant-commands.ts';

const outputOptions = (command: Command) =>
  command
    .option('--output <file>', 'write here instead of standard output (.csv or .json)')
    .addOption(
      new Option('--format <format>', 'csv or json (default: from --output, else csv)').choices([
        'csv',
        'json',
      ]),
    );

/**
 * `switchboard wfm …`: workforce management from files, without a server (forecast, staff, schedule), and on a
 * tenant's database (forecast-workloads, import-plan).
 */
export function addWfmCommands(program: Command, storageOptions: (command: Command) => Command): void {
  const wfm = program
    .command('wfm')
    .description(
      'Workforce management: forecast, staff, schedule; forecast-workloads and import-plan for a tenant.',
    );
  addTenantWfmCommands(wfm, storageOptions);

  outputOptions(
    wfm
      .command('forecast')
      .description(
        'Forecast volume and handle time per interval from history. The input CSV has interval_start ' +
          '(ISO-8601), volume (or calls/offered) and optionally aht_seconds. Methods are compared by a ' +
          'rolling-origin day-ahead backtest (WAPE, MAPE, bias on standard error) and the best is used.',
      )
      .requiredOption('--input <file.csv>', 'interval history')
      .option('--time-zone <zone>', "the center's IANA time zone (weekdays and times of day)", 'UTC')
      .option(
        '--interval <minutes>',
        'aggregate the history first (5, 6 or 10-minute data to 30 or 60 minutes)',
      )
      .option('--days <n>', 'days to forecast', '7')
      .option('--from <time>', 'first interval to forecast (default: right after the history)')
      .option('--method <name>', 'best, or a method name', 'best')
      .option('--backtest-weeks <n>', 'weeks of history scored by the backtest', '4')
      .option('--closed <dates>', 'comma-separated dates (YYYY-MM-DD) the center is closed, past or future')
      .option(
        '--special <days>',
        'open special days, past or future: DATE (factor learned from the history) or DATE=FACTOR, e.g. 2026-12-24=0.6',
      )
      .option(
        '--holdout',
        'also print the holdout table: every method on the last 8 weeks, kept from every choice',
      )
      .option(
        '--open-hours <hours>',
        'when the center is open, e.g. "mon-thu 08:00-20:00; fri 08:00-14:00" (default: where the history has data)',
      ),
  ).action((flags: ForecastFlags) => runForecast(flags));

  outputOptions(
    wfm
      .command('staff')
      .description(
        'Agents required per interval (Erlang C, or Erlang A with --patience; chat with concurrency; email as ' +
          'deferred work). Give one interval with --volume and --aht, a CSV of intervals (interval_start, ' +
          'volume, aht_seconds: the output of wfm forecast), or a JSON staffing request with several workloads.',
      )
      .option('--input <file>', 'intervals (.csv) or a staffing request (.json)')
      .option('--volume <n>', 'contacts in the interval (without --input)')
      .option('--aht <seconds>', 'average handle time (or the default for CSV rows without aht_seconds)')
      .option('--interval <minutes>', 'interval length: 5, 15, 30 or 60', '30')
      .addOption(
        new Option('--channel <channel>', 'voice, chat or email')
          .choices(['voice', 'chat', 'email'])
          .default('voice'),
      )
      .option('--sl <percent/seconds>', 'service-level target, e.g. 80/20 (the default)')
      .option('--asa <seconds>', 'average-speed-of-answer target instead of a service level')
      .option('--max-occupancy <fraction>', 'cap on occupancy, e.g. 0.85')
      .option('--shrinkage <fraction>', 'paid time not on contacts, e.g. 0.3')
      .option('--patience <seconds>', 'mean caller patience: staff with Erlang A')
      .option('--max-abandon <fraction>', 'Erlang A: cap on the abandon rate')
      .option('--concurrency <chats>', 'chat: sessions per agent', '1')
      .option('--response-minutes <minutes>', 'email: answer within this long'),
  ).action((flags: StaffFlags) => runStaff(flags));

  outputOptions(
    wfm
      .command('schedule')
      .description(
        'Build a week of shifts for named agents with the HiGHS optimiser. The input JSON has workloads ' +
          '(id, 672 quarter-hour requirements), shift templates (length, breaks with windows) and agents ' +
          '(skills, templates, min/max hours, days off, start windows, availability, time off); see ' +
          'docs/wfm/scheduling.md. Prints the objective and its gap to the lower bound; exits 2 if a rule is broken.',
      )
      .requiredOption('--input <file.json>', 'the scheduling instance')
      .option('--time-limit <seconds>', 'time the solver may take', '60')
      .addOption(
        new Option('--method <method>', 'optimise or greedy')
          .choices(['optimise', 'greedy'])
          .default('optimise'),
      ),
  ).action((flags: ScheduleFlags) => runSchedule(flags));
}
