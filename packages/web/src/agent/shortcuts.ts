import { useEffect, useRef } from 'react';

/** Normalises a key event to "Alt+a", "Ctrl+Shift+k" … (letters lower-case). */
export function chord(event: KeyboardEvent): string {
  const parts: string[] = [];
  if (event.ctrlKey) parts.push('Ctrl');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey) parts.push('Shift');
  if (event.metaKey) parts.push('Meta');
  // With Alt held, macOS changes event.key (Alt+R → "®"); event.code still names the key.
  const key = /^Key[A-Z]$/.test(event.code) ? event.code.slice(3).toLowerCase() : event.key.toLowerCase();
  parts.push(key);
  return parts.join('+');
}

/** Global keyboard shortcuts for the page that mounts them. */
export function useShortcuts(bindings: Record<string, () => void>): void {
  const latest = useRef(bindings);
  latest.current = bindings;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = latest.current[chord(event)];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Clicks or focuses the element marked with data-shortcut-target=name. */
export function trigger(name: string, how: 'click' | 'focus'): void {
  const element = document.querySelector<HTMLElement>(`[data-shortcut-target="${name}"]`);
  if (!element) return;
  if (how === 'click') element.click();
  else element.focus();
}
