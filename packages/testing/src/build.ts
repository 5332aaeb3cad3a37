import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompressFolder } from '../../../scripts/precompress.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WEB = join(ROOT, 'packages/web');
const WIDGET = join(ROOT, 'packages/widget');
const CORE = join(ROOT, 'packages/core');
/** A lock older than this was left by a run that died: it is taken over. */
const STALE_LOCK_MS = 180_000;

/** The desktop as the browser tests need it: built from its current sources (and the widget's, for the preview). */
export const buildDesktop = () =>
  buildIfStale('desktop', WEB, join(WEB, 'dist/index.html'), join(WEB, 'dist'), [
    join(WEB, 'src'),
    join(WEB, 'index.html'),
    join(WEB, 'vite.config.ts'),
    join(ROOT, 'scripts/precompress.ts'),
    join(WIDGET, 'src'),
    join(CORE, 'src'),
  ]);

/** The widget script, built from its current sources; the server reads it when it starts. */
export const buildWidget = () =>
  buildIfStale('widget', WIDGET, join(WIDGET, 'dist/widget.js'), null, [
    join(WIDGET, 'src'),
    join(WIDGET, 'vite.config.ts'),
  ]);

/**
 * Builds with Vite when a source is newer than the output (npm ci and npm start build too, so usually nothing
 * is to be done), then writes the desktop's .br/.gz copies as `npm run build` does. Test files run in parallel
 * processes: one builds while the others wait on a lock folder, then find the output fresh, so no server ever
 * serves a folder being emptied.
 */
async function buildIfStale(
  name: string,
  root: string,
  output: string,
  precompressed: string | null,
  sources: string[],
): Promise<void> {
  const lock = join(ROOT, '.tmp', `build-${name}.lock`);
  await mkdir(join(ROOT, '.tmp'), { recursive: true });
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const held = await stat(lock).catch(() => null);
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) await rm(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    const built = (await stat(output).catch(() => null))?.mtimeMs ?? 0;
    const newest = Math.max(...(await Promise.all(sources.map(newestChange))));
    if (newest <= built) return;
    const { build } = await import('vite');
    await build({ root, logLevel: 'warn', configFile: join(root, 'vite.config.ts') });
    if (precompressed) precompressFolder(precompressed);
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** The latest modification time of a file, or of any file under a folder (tests and builds aside). */
async function newestChange(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info?.isDirectory()) return info?.mtimeMs ?? 0;
  const files = (await readdir(path, { recursive: true })).filter(
    (f) => !f.includes('node_modules') && !/\.test\.ts$/.test(f) && !f.startsWith('e2e'),
  );
  const times = await Promise.all(files.map(async (f) => (await stat(join(path, f))).mtimeMs));
  return Math.max(info.mtimeMs, ...times);
}
