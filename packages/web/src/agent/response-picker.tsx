import { useCallback, useId, useState } from 'react';
import type { PredefinedResponse } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';

/**
 * The predefined responses for one contact (of its channel, global or tagged to its CSQ): the agent picks one
 * and inserts its text. A select and a button rather than a menu, so it works the same with the keyboard
 * (Tab, arrows, Enter) and a screen reader; nothing is inserted just by moving through the list.
 */
export function ResponsePicker(props: { contactId: string; onInsert: (body: string) => void }) {
  const { api } = useDesk();
  const { contactId } = props;
  const responses = useLive(
    useCallback(
      () => api.request<PredefinedResponse[]>('GET', `/contacts/${contactId}/predefined-responses`),
      [api, contactId],
    ),
    () => false,
    contactId,
  );
  const [chosen, setChosen] = useState('');
  const id = useId();
  const list = responses.data ?? [];
  if (list.length === 0) return null;
  const insert = () => {
    const response = list.find((r) => r.id === chosen);
    if (response) props.onInsert(response.body);
  };
  return (
    <div className="response-picker">
      <label className="visually-hidden" htmlFor={id}>
        Predefined response
      </label>
      <select id={id} value={chosen} onChange={(event) => setChosen(event.target.value)}>
        <option value="">Predefined response…</option>
        {list.map((response) => (
          <option key={response.id} value={response.id} title={response.body}>
            {response.title}
          </option>
        ))}
      </select>
      <button type="button" onClick={insert} disabled={!chosen}>
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
