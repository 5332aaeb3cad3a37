/**
 * Unicode code points, the unit every text limit of the product is stated in (an emoji is one character,
 * not two). A leaf module: the widget bundles it through `@switchboard/core/text` without the rest of core.
 */
export const codePoints = (text: string): number => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};
