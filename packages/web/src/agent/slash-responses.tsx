import { type KeyboardEvent, useId, useState } from 'react';
import type { PredefinedResponse } from '../api/types.ts';
import {
  filterResponses,
  moveActive,
  type SlashQuery,
  showsSlashList,
  slashQuery,
} from './response-search.ts';

export interface SlashList {
  open: boolean;
  query: SlashQuery | null;
  matches: PredefinedResponse[];
  active: number;
  listId: string;
  optionId: (index: number) => string;
  /** Inserts a response in place of the slash and the query. */
  choose: (response: PredefinedResponse) => void;
  /** Handles the list's keys (arrows, Enter, Escape) while it is open; true when the key was its. */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
}

/**
 * The composer's `/` shortcut: a slash at the start of the message or after a space lists the responses that
 * match what follows it; arrows move, Enter inserts in place of the slash and the query, Escape closes the list
 * and leaves the text as typed (until another slash is typed).
 */
export function useSlashList(
  responses: PredefinedResponse[],
  text: string,
  caret: number,
  onChoose: (response: PredefinedResponse, query: SlashQuery) => void,
): SlashList {
  const listId = useId();
  const [dismissed, setDismissed] = useState<{ start: number; text: string } | null>(null);
  const [picked, setPicked] = useState({ key: '', index: 0 });
  const query = slashQuery(text, caret);
  const matches = query ? filterResponses(responses, query.query) : [];
  const stillDismissed =
    dismissed !== null && query?.start === dismissed.start && text.startsWith(dismissed.text);
  const open =
    query !== null && responses.length > 0 && !stillDismissed && showsSlashList(query, matches.length);
  const key = query ? `${query.start}:${query.query}` : '';
  // A new query starts again from its first match.
  const active = picked.key === key ? Math.min(picked.index, Math.max(0, matches.length - 1)) : 0;
  return {
    open,
    query,
    matches,
    active,
    listId,
    optionId: (index) => `${listId}-option-${index}`,
    choose: (response) => {
      if (query) onChoose(response, query);
    },
    onKeyDown: (event) => {
      if (!open || !query) return false;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        setPicked({ key, index: moveActive(active, event.key === 'ArrowDown' ? 1 : -1, matches.length) });
      } else if (event.key === 'Enter' && !event.shiftKey) {
        const chosen = matches[active];
        if (!chosen) return false;
        onChoose(chosen, query);
      } else if (event.key === 'Escape') {
        setDismissed({ start: query.start, text: text.slice(0, query.start + 1) });
      } else return false;
      event.preventDefault();
      return true;
    },
  };
}

/** The list under the composer while the `/` shortcut is open; a click inserts as Enter does. */
export function SlashResponses(props: { list: SlashList }) {
  const { list } = props;
  if (!list.open) return null;
  return (
    <div className="slash-responses">
      {list.matches.length === 0 ? (
        <p className="muted" role="status">
          No predefined response matches “{list.query?.query}”. Escape closes this list.
        </p>
      ) : (
        <div id={list.listId} role="listbox" aria-label="Predefined responses" className="slash-list">
          {list.matches.map((response, index) => (
            <div
              key={response.id}
              tabIndex={-1}
              id={list.optionId(index)}
              role="option"
              aria-selected={index === list.active}
              className={index === list.active ? 'active' : undefined}
              // Keeps the focus (and the caret) in the message box.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => list.choose(response)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') list.choose(response);
              }}
            >
              <strong>{response.title}</strong> <span className="muted">{response.body}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
