/** SQL types an array literal is built for: text values are quoted, the others written as they print. */
export type ArrayElementType = 'text' | 'uuid' | 'int2' | 'int4' | 'int8';

/**
 * A column's values as one PostgreSQL array literal, to be cast to `type[]`: every text value quoted (a comma,
 * brace, quote, backslash or the word NULL in one stays part of it). Values must not be null.
 */
export function arrayLiteral(values: readonly unknown[], type: ArrayElementType): string {
  const items =
    type === 'text'
      ? values.map((value) => `"${String(value).replace(/[\\"]/g, '\\$&')}"`)
      : values.map(String);
  return `{${items.join(',')}}`;
}
