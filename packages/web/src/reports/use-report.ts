import { useCallback, useEffect, useRef, useState } from 'react';
import { useDesk } from '../live/hooks.ts';
import type { Report } from './report-types.ts';

/** Rows asked for per page; `more` fetches the next page and appends it. */
export const PAGE_ROWS = 500;

/** A report loaded from an API path (null: nothing asked yet), its later pages appended on request. */
export function useReport(path: string | null) {
  const { api } = useDesk();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const generation = useRef(0);
  const page = useCallback(
    async (cursor: string | null) => {
      if (!path) return;
      const mine = ++generation.current;
      setBusy(true);
      setError(null);
      const separator = path.includes('?') ? '&' : '?';
      const paging = `limit=${PAGE_ROWS}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      try {
        const next = await api.request<Report>('GET', `${path}${separator}${paging}`);
        if (mine !== generation.current) return;
        setReport((shown) => (cursor && shown ? { ...next, rows: [...shown.rows, ...next.rows] } : next));
      } catch (failure) {
        if (mine === generation.current) setError(failure as Error);
      } finally {
        if (mine === generation.current) setBusy(false);
      }
    },
    [api, path],
  );
  useEffect(() => {
    setReport(null);
    void page(null);
  }, [page]);
  return {
    report,
    error,
    busy,
    reload: () => void page(null),
    more: () => void page(report?.next ?? null),
  };
}
