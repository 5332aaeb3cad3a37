type EndedListener = (tenantId: string, contactId: string) => void;

/**
 * Resolves `true` once the call of `contactId` ends, `false` after `ms` or once `signal` aborts, whichever
 * comes first; `follow` subscribes to the ends of calls and returns how to stop.
 */
export function untilCallEnded(
  follow: (listener: EndedListener) => () => void,
  contactId: string,
  ms: number,
  signal: AbortSignal,
): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ended: boolean) => {
      clearTimeout(timer);
      stopFollowing();
      signal.removeEventListener('abort', aborted);
      resolve(ended);
    };
    const aborted = () => done(false);
    const stopFollowing = follow((_, id) => {
      if (id === contactId) done(true);
    });
    const timer = setTimeout(aborted, ms);
    if (signal.aborted) return aborted();
    signal.addEventListener('abort', aborted, { once: true });
  });
}
