import { ABANDON_RULES, type AbandonRule, abandonRuleNamed, DEFAULT_ABANDON_RULE } from '@switchboard/core';
import { type Command, Option } from 'commander';
import { progressBar } from '../wfm/progress.ts';
import { ApiClient } from './api.ts';
import { type LiveSummary, runLiveSimulation } from './live-run.ts';
import { prepareSite } from './setup.ts';

interface SimulateFlags {
  url: string;
  tenant: string;
  username: string;
  password: string;
  agents: string;
  rate: string;
  aht: string;
  wrapUp: string;
  patience: string;
  duration: string;
  speed: string;
  slSeconds: string;
  abandonRule: string;
  seed: string;
  breaks: string;
  json?: boolean;
}

function abandonRule(value: string): AbandonRule {
  const rule = abandonRuleNamed(value);
  if (rule === null) throw new Error(`--abandon-rule must be one of ${ABANDON_RULES.join(', ')}.`);
  return rule;
}

const RULE_WORDS: Record<AbandonRule, string> = {
  counted_against: 'count against',
  ignored: 'ignored',
  counted_for: 'within the threshold count for',
};

const positive = (value: string, flag: string, { integer = false, zero = false } = {}): number => {
  const n = Number(value);
  const ok = Number.isFinite(n) && (zero ? n >= 0 : n > 0) && (!integer || Number.isInteger(n));
  if (!ok) throw new Error(`${flag} must be a ${integer ? 'whole ' : ''}number ${zero ? '≥ 0' : '> 0'}.`);
  return n;
};

/** `switchboard simulate`: virtual agents and customers against a running server, through its public API. */
export function addSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description(
      'Drive a running Switchboard with virtual agents and customers, through its public API and event ' +
        'stream only: agents sign in, go Ready, accept, handle and wrap up chats, take breaks; customers ' +
        'arrive at random and give up after their patience. Prints offered, handled, abandoned, service ' +
        'level and ASA at the end.',
    )
    .addOption(
      new Option('--url <url>', 'the server').env('SWITCHBOARD_URL').default('http://127.0.0.1:3000'),
    )
    .option('--tenant <name>', 'tenant', 'demo')
    .option('--username <name>', 'an administrator of the tenant', 'admin')
    .addOption(
      new Option('--password <password>', "the administrator's password")
        .env('SWITCHBOARD_ADMIN_PASSWORD')
        .makeOptionMandatory(),
    )
    .option('--agents <n>', 'virtual agents (sim-agent-001 …, created if missing)', '10')
    .option('--rate <per-minute>', 'customers arriving per simulated minute', '20')
    .option('--aht <seconds>', 'mean handle time (exponential)', '180')
    .option('--wrap-up <seconds>', 'wrap-up time', '10')
    .option('--patience <seconds>', 'mean customer patience (exponential); 0: customers never give up', '120')
    .option('--duration <seconds>', 'simulated time to run', '600')
    .option('--speed <factor>', 'how much faster than real time', '1')
    .option('--sl-seconds <seconds>', 'service-level threshold', '20')
    .option(
      '--abandon-rule <rule>',
      `how abandons enter the service level: ${ABANDON_RULES.join(', ')}`,
      DEFAULT_ABANDON_RULE,
    )
    .option('--breaks <chance>', 'chance of a Not Ready break after a contact', '0.05')
    .option('--seed <n>', 'random seed', '1')
    .option('--json', 'print the summary as JSON')
    .action(async (flags: SimulateFlags) => {
      const durationSeconds = positive(flags.duration, '--duration');
      const progress = progressBar('Simulating (simulated s)');
      const agents = positive(flags.agents, '--agents', { integer: true });
      const admin = await ApiClient.signIn(flags.url, flags.tenant, flags.username, flags.password);
      const summary = await runLiveSimulation({
        admin,
        site: await prepareSite(admin, flags.tenant, agents),
        arrivalsPerMinute: positive(flags.rate, '--rate'),
        ahtSeconds: positive(flags.aht, '--aht'),
        wrapUpSeconds: positive(flags.wrapUp, '--wrap-up', { zero: true }),
        patienceSeconds: positive(flags.patience, '--patience', { zero: true }) || null,
        durationSeconds,
        speed: positive(flags.speed, '--speed'),
        serviceLevelSeconds: positive(flags.slSeconds, '--sl-seconds', { zero: true }),
        abandonRule: abandonRule(flags.abandonRule),
        seed: positive(flags.seed, '--seed', { integer: true, zero: true }),
        breakChance: positive(flags.breaks, '--breaks', { zero: true }),
        onProgress: (elapsed) => progress.update(Math.round(elapsed), durationSeconds),
      });
      progress.stop();
      if (flags.json) console.log(JSON.stringify(summary));
      else console.log(describe(summary, flags));
      if (summary.errors.length > 0) process.exitCode = 1;
    });
}

function describe(s: LiveSummary, flags: SimulateFlags): string {
  const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)} %`);
  return [
    `Offered ${s.offered}, answered ${s.answered}, handled ${s.handled}, abandoned ${s.abandoned}, still in progress at the end ${s.inFlightAtEnd}.`,
    `Service level ${pct(s.serviceLevel)} answered within ${flags.slSeconds} s (abandons ${RULE_WORDS[abandonRule(flags.abandonRule)]}); ASA ${s.asaSeconds === null ? '—' : `${s.asaSeconds.toFixed(1)} s`}.`,
    ...(s.errors.length ? [`Errors (${s.errors.length}):`, ...s.errors.map((e) => `  ${e}`)] : []),
  ].join('\n');
}
