import { readFile, writeFile } from 'node:fs/promises';
import { withPermissionTable } from '@switchboard/core';

/** Rewrites the permission table of docs/security.md from packages/core/src/policy.ts. */
const file = new URL('../docs/security.md', import.meta.url);
const before = await readFile(file, 'utf8');
const after = withPermissionTable(before);
await writeFile(file, after);
console.log(
  after === before ? 'docs/security.md is up to date.' : 'docs/security.md: permission table rewritten.',
);
