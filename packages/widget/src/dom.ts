type Child = Node | string | null | undefined | false;
type Props = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/**
 * Creates an element. Strings become text nodes and attribute values are set as attributes, so nothing
 * given here is ever parsed as HTML: customer and agent text can only ever be text.
 *
 * @example h('button', { type: 'button', onclick: close }, 'Close')
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (key === 'class') element.className = String(value);
    else if (value === true) element.setAttribute(key, '');
    else if (value !== false && value !== null && value !== undefined)
      element.setAttribute(key, String(value));
  }
  element.append(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
  return element;
}

/** Shows or hides an element (the `hidden` attribute; the styles make it win over any display). */
export function show(element: HTMLElement, visible: boolean): void {
  element.hidden = !visible;
}

/** Sets an element's text, touching the DOM only when it changes (live regions announce changes). */
export function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
