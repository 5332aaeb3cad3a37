import { SwitchboardError } from '@switchboard/core';
import type { App } from './app-types.ts';

/** No request of the API nests deeper than a few levels; this leaves room and keeps every walk shallow. */
export const MAX_JSON_DEPTH = 64;

/**
 * Parses JSON bodies as Fastify does (prototype poisoning refused), after refusing nesting deeper than
 * MAX_JSON_DEPTH, so that nothing recursive downstream ever sees a value deep enough to overflow the stack.
 */
export function registerJsonBodyParser(app: App): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (exceedsDepth(body as string, MAX_JSON_DEPTH)) {
      done(
        new SwitchboardError(
          'validation_failed',
          `The body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep; send a flatter value.`,
          [{ path: 'body', message: `must not nest more than ${MAX_JSON_DEPTH} levels deep` }],
        ),
        undefined,
      );
      return;
    }
    parse(request, body as string, done);
  });
}

/** Whether JSON text opens more than `limit` arrays and objects inside each other; one pass, no recursion. */
export function exceedsDepth(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}
