/**
 * Characters refused in predefined responses' titles and in chat responses' bodies (spec C3): chat desktops
 * and widgets treat them as markup. Email bodies are HTML and are sanitised instead.
 */
export const RESPONSE_FORBIDDEN_CHARACTERS = ['<', '>', '(', ')', '"', '|'] as const;

const FORBIDDEN: ReadonlySet<string> = new Set(RESPONSE_FORBIDDEN_CHARACTERS);

/**
 * The first refused character of `text` and where it stands (1-based, counting Unicode code points, as a
 * person counts characters), or null when there is none.
 *
 * @example forbiddenCharacter('Refund (partial)') // { character: '(', position: 8 }
 */
export function forbiddenCharacter(text: string): { character: string; position: number } | null {
  let position = 0;
  for (const character of text) {
    position++;
    if (FORBIDDEN.has(character)) return { character, position };
  }
  return null;
}
