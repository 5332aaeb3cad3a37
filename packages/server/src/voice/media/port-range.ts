import type { Socket } from 'node:dgram';
import { SwitchboardError } from '@switchboard/core';

/** UDP ports calls' audio may use (a firewall lets these through), `min` to `max` inclusive. */
export interface PortRange {
  min: number;
  max: number;
}

/**
 * Binds `socket` to a free port of the range on `address`: from a random port on, each port tried by binding
 * itself (never probed and bound later, which two legs at once could both pass), wrapping round once.
 */
export async function bindInRange(
  makeSocket: () => Socket,
  address: string,
  range: PortRange | undefined,
): Promise<Socket> {
  if (!range) return bind(makeSocket(), address, 0);
  const size = range.max - range.min + 1;
  const start = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i++) {
    const port = range.min + ((start + i) % size);
    try {
      return await bind(makeSocket(), address, port);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  throw new SwitchboardError(
    'media_ports_exhausted',
    `Every UDP port from ${range.min} to ${range.max} is in use: calls' audio has none left. Try again when a call ends.`,
  );
}

function bind(socket: Socket, address: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => {
      socket.close();
      reject(error);
    };
    socket.once('error', failed);
    socket.bind(port, address, () => {
      socket.off('error', failed);
      resolve(socket);
    });
  });
}
