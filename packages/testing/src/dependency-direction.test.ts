import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIOME = join(ROOT, 'node_modules/.bin/biome');
const run = promisify(execFile);

/** One import each direction forbids, planted where the rule must catch it; and what is allowed there. */
const FORBIDDEN: readonly { file: string; imports: string }[] = [
  { file: 'packages/core/src/planted.ts', imports: '@switchboard/wfm' },
  { file: 'packages/core/src/acd/planted.ts', imports: '../../../sim/src/index.ts' },
  { file: 'packages/core/src/planted.ts', imports: '@switchboard/server' },
  { file: 'packages/wfm/src/planted.ts', imports: '@switchboard/sim' },
  { file: 'packages/wfm/src/staffing/planted.ts', imports: '../../../sim/src/index.ts' },
  { file: 'packages/wfm/src/planted.ts', imports: 'node:fs' },
  { file: 'packages/sim/src/planted.ts', imports: '@switchboard/server' },
  { file: 'packages/server/src/planted.ts', imports: '@switchboard/cli' },
  { file: 'packages/server/src/chat/planted.ts', imports: '../../../cli/src/start.ts' },
  { file: 'packages/server/src/planted.ts', imports: '@switchboard/web' },
  { file: 'packages/server/src/wfm/planted.ts', imports: '@switchboard/sim/testing' },
  { file: 'packages/server/src/acd/planted.ts', imports: '../../../web/src/app.tsx' },
  { file: 'packages/web/src/planted.ts', imports: '@switchboard/server' },
  { file: 'packages/web/src/agent/planted.ts', imports: '../../../server/src/app.ts' },
  { file: 'packages/web/src/planted.ts', imports: 'node:fs' },
  { file: 'packages/widget/src/planted.ts', imports: '@switchboard/web' },
  { file: 'packages/widget/src/planted.ts', imports: 'node:fs' },
];
const ALLOWED: readonly { file: string; imports: string }[] = [
  { file: 'packages/wfm/src/planted.ts', imports: '@switchboard/core' },
  { file: 'packages/sim/src/planted.ts', imports: '@switchboard/wfm' },
  { file: 'packages/server/src/planted.ts', imports: '@switchboard/core' },
  { file: 'packages/server/src/wfm/planted.ts', imports: '@switchboard/sim' },
  { file: 'packages/wfm/src/node/planted.ts', imports: 'node:fs' },
  { file: 'packages/web/src/planted.ts', imports: '@switchboard/core' },
  { file: 'packages/cli/src/planted.ts', imports: '@switchboard/server' },
];

/**
 * Lints one planted file in a scratch copy of the repository's lint configuration (the rules match by
 * path, so the file sits where the real one would), leaving the working tree untouched.
 */
async function lintPlanted(file: string, imports: string): Promise<{ failed: boolean; output: string }> {
  const scratch = await mkdtemp(join(tmpdir(), 'switchboard-lint-'));
  try {
    await copyFile(join(ROOT, 'biome.json'), join(scratch, 'biome.json'));
    await mkdir(dirname(join(scratch, file)), { recursive: true });
    await writeFile(
      join(scratch, file),
      `import * as planted from '${imports}';\n\nexport const used = planted;\n`,
    );
    try {
      const { stdout, stderr } = await run(BIOME, ['lint', file], { cwd: scratch });
      return { failed: false, output: stdout + stderr };
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      return { failed: true, output: stdout + stderr };
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

for (const { file, imports } of FORBIDDEN) {
  test(`lint refuses ${imports} in ${file}`, async () => {
    const { failed, output } = await lintPlanted(file, imports);
    assert.ok(failed, `biome accepted the import:\n${output}`);
    assert.match(output, /noRestrictedImports/);
  });
}

for (const { file, imports } of ALLOWED) {
  test(`lint allows ${imports} in ${file}`, async () => {
    const { failed, output } = await lintPlanted(file, imports);
    assert.ok(!failed, output);
  });
}
