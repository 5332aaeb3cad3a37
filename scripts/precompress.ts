import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text the browser downloads; images and fonts are compressed already, and source maps are never served. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

/** The Brotli (best, it is done once at build time) and gzip forms of one file's bytes. */
export function compressBoth(bytes: Buffer): { br: Buffer; gzip: Buffer } {
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  return { br, gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }) };
}

/** Writes `x.br` and `x.gz` beside every compressible file under `folder` that is worth it. */
export function precompressFolder(folder: string): void {
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    if (statSync(path).size < MIN_BYTES) continue;
    const { br, gzip } = compressBoth(readFileSync(path));
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gzip);
  }
}

// `node scripts/precompress.ts <folder>`: the desktop's build runs it after Vite (outside the bundler, which
// would otherwise report the seconds Brotli's best quality takes as a slow plugin).
if (import.meta.main) {
  const folder = process.argv[2];
  if (!folder) throw new Error('Usage: node scripts/precompress.ts <folder>');
  precompressFolder(resolve(folder));
}
