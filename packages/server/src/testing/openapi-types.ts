import openapiTS, { astToString } from 'openapi-typescript';
import { startTestApp } from './test-app.ts';

/** Where the desktop keeps the types generated from the server's OpenAPI document. */
export const API_TYPES_FILE = new URL('../../../web/src/api/openapi.ts', import.meta.url);

const HEADER = `/**
 * Generated from the server's OpenAPI document by \`npm run api:types\` (openapi-typescript): do not edit.
 * The desktop's API types in ./types.ts are derived from these, so they follow the server's schemas.
 */

`;

/** The app is built in memory and never listens: its route schemas alone make the document. */
export async function generateApiTypes(): Promise<string> {
  const test = await startTestApp();
  try {
    await test.app.ready();
    const document = test.app.swagger();
    const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: false });
    return HEADER + astToString(ast);
  } finally {
    await test.close();
  }
}
