import { useCallback, useId, useState } from 'react';
import type { PredefinedResponse } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { filterResponses } from './response-search.ts';

/** The predefined responses for one contact: of its channel, global or tagged to its CSQ. */
export function useResponses(contactId: string): PredefinedResponse[] {
  const { api } = useDesk();
  const responses = useLive(
    useCallback(
      () => api.request<PredefinedResponse[]>('GET', `/contacts/${contactId}/predefined-responses`),
      [api, contactId],
    ),
    () => false,
    contactId,
  );
  return responses.data ?? [];
}

/**
 * The agent searches the predefined responses (title and body), picks one and inserts its text. A search box,
 * a select and a button rather than a menu, so it works the same with the keyboard (Tab, arrows, Enter) and a
 * screen reader; nothing is inserted just by moving through the list. Enter in the search box inserts the
 * chosen response (it never sends the message).
 */
export function ResponsePicker(props: { responses: PredefinedResponse[]; onInsert: (body: string) => void }) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState('');
  const ids = { search: useId(), select: useId() };
  if (props.responses.length === 0) return null;
  const shown = filterResponses(props.responses, query);
  const current = shown.find((r) => r.id === chosen) ?? (query ? shown[0] : undefined);
  const insert = () => {
    if (current) props.onInsert(current.body);
  };
  return (
    <div className="response-picker">
      <label className="visually-hidden" htmlFor={ids.search}>
        Search responses
      </label>
      <input
        id={ids.search}
        type="search"
        placeholder="Search responses"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          insert();
        }}
      />
      <label className="visually-hidden" htmlFor={ids.select}>
        Predefined response
      </label>
      <select id={ids.select} value={current?.id ?? ''} onChange={(event) => setChosen(event.target.value)}>
        <option value="">
          {shown.length === 0 ? 'No response matches' : `Predefined response… (${shown.length})`}
        </option>
        {shown.map((response) => (
          <option key={response.id} value={response.id} title={response.body}>
            {response.title}
          </option>
        ))}
      </select>
      <button type="button" onClick={insert} disabled={!current}>
        Insert
      </button>
    </div>
  );
}

/** `text` with `insert` in place of its selection `[start, end)`, and where the caret goes after it. */
export function insertAt(
  text: string,
  insert: string,
  start: number,
  end: number,
): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), caret: from + insert.length };
}
