/**
 * Desktop assets benchmark: how many bytes an agent's first load of the desktop transfers (the page, the shell
 * and the agent desktop, as the server sends them with Brotli or gzip), against the baseline of the whole
 * desktop uncompressed, which is what every user downloaded before the desktop was split by area and served
 * compressed.
 *
 * Method. The desktop is built into a temporary folder with Vite's manifest and precompressed as `npm run build`
 * does; the files of a first load are read from the manifest (the entry, the agent desktop, every chunk they
 * import statically, their stylesheets, and index.html); each is requested from the real server (in-process,
 * `inject`) with `Accept-Encoding: br` and with `gzip`, and the bodies' bytes are summed (headers excluded).
 * The baseline sums every script, stylesheet and page of the build, uncompressed.
 */
import { readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestApp } from '../packages/server/src/testing/test-app.ts';
import { precompressFolder } from '../scripts/precompress.ts';
import { filesFor, readManifest } from './assets/first-load.ts';

const WEB = fileURLToPath(new URL('../packages/web/', import.meta.url));
const AREAS = {
  agent: 'src/agent/agent-desktop.tsx',
  supervisor: 'src/supervisor/supervisor-area.ts',
  admin: 'src/admin/admin-area.tsx',
} as const;

export async function run({ json }: { json: boolean }): Promise<void> {
  const started = performance.now();
  const outDir = await mkdtemp(join(tmpdir(), 'switchboard-assets-bench-'));
  try {
    const { build } = await import('vite');
    await build({
      root: WEB,
      configFile: join(WEB, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true },
    });
    precompressFolder(outDir);
    const manifest = readManifest(outDir);
    const server = await startTestApp({ webRoot: outDir });
    const transferred = async (files: string[], encoding: string) => {
      let bytes = 0;
      for (const file of files) {
        const response = await server.app.inject({
          url: `/${file}`,
          headers: { 'accept-encoding': encoding },
        });
        if (response.statusCode !== 200) throw new Error(`/${file}: ${response.statusCode}`);
        bytes += response.rawPayload.length;
      }
      return bytes;
    };
    const firstLoad = (area: keyof typeof AREAS) => [
      'index.html',
      ...filesFor(manifest, ['index.html', AREAS[area]]),
    ];
    const byArea: Record<string, { files: number; plain: number; br: number; gzip: number }> = {};
    for (const area of Object.keys(AREAS) as (keyof typeof AREAS)[]) {
      const files = firstLoad(area);
      byArea[area] = {
        files: files.length,
        plain: await transferred(files, 'identity'),
        br: await transferred(files, 'br'),
        gzip: await transferred(files, 'gzip'),
      };
    }
    await server.close();

    const everything = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(js|css|html)$/.test(f),
    );
    const baseline = everything.reduce((sum, f) => sum + statSync(join(outDir, f)).size, 0);
    const agent = byArea.agent!;
    const ratio = {
      baseline_over_agent_br: round(baseline / agent.br),
      baseline_over_agent_gzip: round(baseline / agent.gzip),
      agent_br_share_pct: round((100 * agent.br) / baseline),
    };
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
    console.log(
      [
        `Desktop assets: first load per area vs. the whole desktop uncompressed (${everything.length} files, ${kb(baseline)}).`,
        '',
        'area        files  plain        br          gzip',
        ...Object.entries(byArea).map(
          ([area, a]) =>
            `${area.padEnd(10)}  ${String(a.files).padStart(5)}  ${kb(a.plain).padStart(10)}  ${kb(a.br).padStart(10)}  ${kb(a.gzip).padStart(10)}`,
        ),
        '',
        `An agent's first load transfers ${kb(agent.br)} with Brotli (${kb(agent.gzip)} with gzip): ` +
          `${ratio.baseline_over_agent_br}× less than the whole desktop uncompressed (${ratio.agent_br_share_pct} %).`,
      ].join('\n'),
    );
    if (json) {
      const summary = {
        agent_first_load_bytes_br: agent.br,
        agent_first_load_bytes_gzip: agent.gzip,
        agent_first_load_bytes_plain: agent.plain,
        desktop_bytes_plain: baseline,
        ...ratio,
        run_seconds: round((performance.now() - started) / 1000, 1),
      };
      const params = {
        first_load: 'index.html + entry chunk + the area chunk + their static imports and stylesheets',
        baseline: 'every .js, .css and .html of the desktop build, uncompressed',
        method: 'real server in-process (inject), bodies summed per Accept-Encoding, headers excluded',
      };
      console.log(
        JSON.stringify({
          bench: 'assets',
          params,
          results: byArea,
          baseline: { desktop_bytes_plain: baseline, files: everything.length },
          ratio,
          summary,
        }),
      );
    }
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
