import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import type { LiveEvent, User } from '../api/types.ts';
import type { EventStream, StreamStatus } from './event-stream.ts';

export interface Desk {
  api: ApiClient;
  stream: EventStream;
  me: User;
  signOut: () => void;
}

export const DeskContext = createContext<Desk | null>(null);

export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside a signed-in desktop');
  return desk;
}

/** The current time, ticking every `ms` so that "time in state" and countdowns move. */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function useStreamStatus(): StreamStatus {
  const { stream } = useDesk();
  const [status, setStatus] = useState(stream.status);
  useEffect(() => {
    const off = stream.onStatus(setStatus);
    setStatus(stream.status); // it may have changed between the render and this subscription
    return off;
  }, [stream]);
  return status;
}

export function useLiveEvents(listener: (event: LiveEvent) => void): void {
  const { stream } = useDesk();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => stream.onEvent((event) => latest.current(event)), [stream]);
}

export interface Loaded<T> {
  data: T | undefined;
  error: Error | null;
  reload: () => void;
  set: (update: (current: T | undefined) => T | undefined) => void;
}

/**
 * Data that stays true: loaded now, loaded again whenever the event stream (re)connects, when `key` changes,
 * and (at most every `coalesceMs`) after any event that `stale` says changes it.
 */
export function useLive<T>(
  load: () => Promise<T>,
  stale: (event: LiveEvent) => boolean = () => false,
  key = '',
  coalesceMs = 150,
): Loaded<T> {
  const { stream } = useDesk();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error | null>(null);
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const staleRef = useRef(stale);
  staleRef.current = stale;
  const reload = useCallback(() => {
    const mine = ++generation.current;
    loadRef.current().then(
      (value) => {
        if (mine !== generation.current) return;
        setData(value);
        setError(null);
      },
      (failure: Error) => {
        if (mine === generation.current) setError(failure);
      },
    );
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key means new data to load
  useEffect(() => {
    reload();
    const offResync = stream.onResync(reload);
    const offEvent = stream.onEvent((event) => {
      if (!staleRef.current(event) || timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        reload();
      }, coalesceMs);
    });
    return () => {
      offResync();
      offEvent();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [reload, stream, coalesceMs, key]);
  return { data, error, reload, set: setData };
}
