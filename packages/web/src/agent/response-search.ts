/** Finding predefined responses as the agent types: the search box's filter and the composer's `/` shortcut. */

export interface Searchable {
  title: string;
  body: string;
}

const fold = (text: string) => text.toLocaleLowerCase();

/**
 * The responses whose title or body holds every word of `query`, ignoring case: those that match in the title
 * first, each group in the list's own order. An empty query keeps them all.
 */
export function filterResponses<T extends Searchable>(list: readonly T[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...list];
  const inTitle: T[] = [];
  const inBody: T[] = [];
  for (const response of list) {
    const title = fold(response.title);
    const body = fold(response.body);
    if (!words.every((word) => title.includes(word) || body.includes(word))) continue;
    (words.every((word) => title.includes(word)) ? inTitle : inBody).push(response);
  }
  return [...inTitle, ...inBody];
}

export interface SlashQuery {
  /** Where the slash is: the slash and the query are what an inserted response replaces. */
  start: number;
  /** What was typed after the slash, up to the caret. */
  query: string;
}

/**
 * The `/` shortcut under the caret, if any: a slash at the start of the message or just after whitespace,
 * followed up to the caret by text on the same line (so `and/or` and `https://` never open it).
 */
export function slashQuery(text: string, caret: number): SlashQuery | null {
  const before = text.slice(0, Math.max(0, Math.min(caret, text.length)));
  const start = before.lastIndexOf('/');
  if (start < 0) return null;
  if (start > 0 && !/\s/.test(before[start - 1] ?? '')) return null;
  const query = before.slice(start + 1);
  if (/[\r\n]/.test(query)) return null;
  return { start, query };
}

/**
 * Whether the `/` list shows: while what follows the slash is one word (the agent may still be looking), or
 * while it still matches a response (a longer search). A slash in ordinary prose stops showing at the next
 * word that matches nothing.
 */
export function showsSlashList(query: SlashQuery, matches: number): boolean {
  return matches > 0 || !/\s/.test(query.query);
}

/** The next option moving by `step` through `count` options, wrapping around at either end. */
export function moveActive(active: number, step: 1 | -1, count: number): number {
  if (count === 0) return 0;
  return (((active + step) % count) + count) % count;
}
