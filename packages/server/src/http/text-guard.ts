import { SwitchboardError } from '@switchboard/core';

/**
 * PostgreSQL text cannot hold the NUL character; refuse it at the boundary with a clear message instead of
 * letting the database fail later. Walks any JSON value.
 */
export function refuseNulCharacters(value: unknown, where: string): void {
  const path = findNul(value, where);
  if (path !== null) {
    throw new SwitchboardError(
      'validation_failed',
      `${path} contains a NUL character (\\u0000), which text may not hold.`,
      [{ path, message: 'must not contain NUL characters' }],
    );
  }
}

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, `${path}/${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = key.includes('\u0000') ? `${path}/${key}` : findNul(item, `${path}/${key}`);
      if (found) return found;
    }
  }
  return null;
}
