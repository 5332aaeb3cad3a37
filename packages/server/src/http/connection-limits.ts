import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { addressBucket } from '@switchboard/core';

/** How many connections the server holds, and how long it waits for a client before closing. */
export interface ConnectionLimits {
  /** Open connections in all; the server refuses more (keep it below the process's file limit). */
  maxConnections: number;
  /** Open connections from one address; 0 for no cap (behind a proxy every connection is the proxy's). */
  maxConnectionsPerClient: number;
  /** A connection idle this long (nothing sent either way) is closed; WebSockets keep theirs. */
  idleTimeoutMs: number;
  /** The time a client has to send the request's headers. */
  headersTimeoutMs: number;
  /** The time a client has to send the whole request. */
  requestTimeoutMs: number;
  /** A kept-alive connection idle this long after a response is closed. */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxConnections: 10_000,
  maxConnectionsPerClient: 256,
  idleTimeoutMs: 60_000,
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 10_000,
};

/** The Fastify options that carry the timeouts. */
export function timeoutOptions(limits: ConnectionLimits) {
  return {
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      // Node checks the headers and request timeouts at this interval: no later than the shorter of them.
      connectionsCheckingInterval: Math.max(1, Math.min(limits.headersTimeoutMs, 30_000)),
    },
  };
}

/**
 * Caps connections in all and per client address, so that one host holding thousands of idle connections
 * cannot use up the file descriptors the others need. A connection over the cap is closed at once.
 */
export function limitConnections(server: Server, limits: ConnectionLimits): void {
  server.maxConnections = limits.maxConnections;
  const perClient = limits.maxConnectionsPerClient;
  if (perClient <= 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    // One IPv6 subscriber holds a whole /64: counted as one client, as sign-in counts it.
    const address = addressBucket(socket.remoteAddress ?? '');
    const count = (open.get(address) ?? 0) + 1;
    if (count > perClient) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
