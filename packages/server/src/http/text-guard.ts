import { SwitchboardError } from '@switchboard/core';

/**
 * PostgreSQL text cannot hold the NUL character; refuse it at the boundary with a clear message instead of
 * letting the database fail later. Walks any JSON value, with a stack of its own: however deep the value,
 * the walk cannot overflow the call stack.
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

function findNul(root: unknown, rootPath: string): string | null {
  const pending: [unknown, string][] = [[root, rootPath]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path;
    } else if (value instanceof Uint8Array) {
      // A file sent as the body (CSV, XLSX) is not JSON text: the reader of its format checks what it holds.
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push([value[i], `${path}/${i}`]);
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i] as [string, unknown];
        // A key holding NUL is reported in its turn, like a string value.
        pending.push([key.includes('\u0000') ? key : item, `${path}/${key}`]);
      }
    }
  }
  return null;
}
