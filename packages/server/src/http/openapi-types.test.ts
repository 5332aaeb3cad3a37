import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { API_TYPES_FILE, generateApiTypes } from '../testing/openapi-types.ts';

test("the desktop's API types are those the server's OpenAPI document generates", async () => {
  const committed = await readFile(API_TYPES_FILE, 'utf8');
  assert.ok(
    committed === (await generateApiTypes()),
    "packages/web/src/api/openapi.ts differs from the server's OpenAPI document: run npm run api:types",
  );
});
