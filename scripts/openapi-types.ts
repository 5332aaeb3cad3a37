import { readFile, writeFile } from 'node:fs/promises';
import { API_TYPES_FILE, generateApiTypes } from '../packages/server/src/testing/openapi-types.ts';

/**
 * Writes packages/web/src/api/openapi.ts, the desktop's API types, from the server's route schemas. The file
 * is generated, never committed: `npm ci` (prepare) and `npm run typecheck` write it, so it cannot drift.
 */
const before = await readFile(API_TYPES_FILE, 'utf8').catch(() => '');
const after = await generateApiTypes();
// Left untouched when unchanged, so builds that watch the desktop's sources don't run again for nothing.
if (after !== before) await writeFile(API_TYPES_FILE, after);
console.log(
  after === before
    ? 'packages/web/src/api/openapi.ts is up to date.'
    : 'packages/web/src/api/openapi.ts: rewritten from the OpenAPI document.',
);
