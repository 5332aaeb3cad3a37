/**
 * Benchmark runner: `npm run bench -- <name> [--json]` runs `bench/<name>.bench.ts`'s exported `run({ json })`.
 * With `--json` the bench prints one JSON object as its last line (see ../shared/spec/CONTRACT.md, Benchmarks).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchModule {
  run(options: { json: boolean }): unknown;
}

const SUFFIX = '.bench.ts';
const dir = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(dir)
  .filter((file) => file.endsWith(SUFFIX))
  .map((file) => file.slice(0, -SUFFIX.length))
  .sort();

const args = process.argv.slice(2);
const name = args.find((arg) => !arg.startsWith('--'));
const json = args.includes('--json');

if (name === undefined || !available.includes(name)) {
  console.error(
    `${name === undefined ? 'No benchmark named.' : `Unknown benchmark "${name}".`} ` +
      `Usage: npm run bench -- <name> [--json]. Available: ${available.join(', ') || '(none)'}`,
  );
  process.exit(1);
}

const bench = (await import(pathToFileURL(join(dir, `${name}${SUFFIX}`)).href)) as BenchModule;
await bench.run({ json });
