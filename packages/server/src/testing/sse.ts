/** One block of a Server-Sent Events stream, as the client parsed it. */
export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
  /** A comment line's text (`: keep-alive` → `keep-alive`). */
  comment?: string;
}

function parseBlock(block: string): SseFrame {
  const frame: SseFrame = {};
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === '') frame.comment = value;
    else if (field === 'id' || field === 'event' || field === 'data') frame[field] = value;
  }
  return frame;
}

/**
 * An SSE client on fetch that hands out frames as they arrive, waiting on bytes rather than time. A refused
 * request (not 200) resolves with its status and JSON body and no frames.
 */
export async function openSse(url: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const frames: SseFrame[] = [];
  const waiters: { match: (f: SseFrame) => boolean; resolve: (f: SseFrame) => void }[] = [];
  const status = response.status;
  // A refusal's JSON error, as tests read it.
  const body: any = status === 200 ? undefined : await response.json();
  const ended = (async () => {
    if (status !== 200 || !response.body) return;
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of response.body) {
        buffered += decoder.decode(chunk, { stream: true });
        let end = buffered.indexOf('\n\n');
        while (end !== -1) {
          const frame = parseBlock(buffered.slice(0, end));
          buffered = buffered.slice(end + 2);
          frames.push(frame);
          for (const waiter of [...waiters])
            if (waiter.match(frame)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(frame);
            }
          end = buffered.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted by the test, or cut off by the server.
    }
  })();
  return {
    status,
    headers: response.headers,
    body,
    frames,
    /** The events (frames with data), parsed. */
    events: () => frames.filter((f) => f.data !== undefined).map((f) => JSON.parse(f.data ?? '')),
    next(match: (f: SseFrame) => boolean): Promise<SseFrame> {
      const found = frames.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    /** Resolves when the server has ended the stream (or the test closed it). */
    ended,
    close: () => abort.abort(),
  };
}
