import { readFile, writeFile } from 'node:fs/promises';
import { API_TYPES_FILE, generateApiTypes } from '../packages/server/src/testing/openapi-types.ts';

/** Rewrites packages/web/src/api/openapi.ts from the server's route schemas. */
const before = await readFile(API_TYPES_FILE, 'utf8').catch(() => '');
const after = await generateApiTypes();
await writeFile(API_TYPES_FILE, after);
console.log(
  after === before
    ? 'packages/web/src/api/openapi.ts is up to date.'
    : 'packages/web/src/api/openapi.ts: rewritten from the OpenAPI document.',
);
