import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** A body held in memory with its Brotli and gzip forms, compressed once when it is loaded. */
export interface CompressedBody {
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

export function compressBody(identity: Buffer): CompressedBody {
  const br = brotliCompressSync(identity, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
    },
  });
  return { identity, br, gzip: gzipSync(identity, { level: constants.Z_BEST_COMPRESSION }) };
}

/**
 * The encoding to answer with for an Accept-Encoding header: Brotli before gzip, the higher q-value first,
 * and never one the client refuses with q=0. Null means the plain body.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const quality = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const value = q === undefined ? 1 : Number(q);
    if (name) quality.set(name, Number.isFinite(value) ? value : 0);
  }
  const of = (name: Encoding) => quality.get(name) ?? quality.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).reduce<Encoding | null>(
    (chosen, name) => (of(name) > 0 && (chosen === null || of(name) > of(chosen)) ? name : chosen),
    null,
  );
  return best;
}
