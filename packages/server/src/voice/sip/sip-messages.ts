import { SwitchboardError } from '@switchboard/core';
import sip, { type SipMessage } from 'sip';

/** Characters RFC 3966 allows between digits for reading only. */
const VISUAL_SEPARATORS = /[-.() ]/g;
const NUMBER = /^\+?[0-9]{2,20}$/;
const CALLER = /^[+0-9A-Za-z._-]{1,64}$/;

function userOf(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  const user = sip.parseUri(uri)?.user;
  if (!user) return undefined;
  try {
    return decodeURIComponent(user.split(';')[0] ?? '');
  } catch {
    return undefined;
  }
}

/** The number an INVITE dials (its request URI's user part, visual separators dropped); undefined if none. */
export function dialledNumber(invite: SipMessage): string | undefined {
  const number = userOf(invite.uri)?.replace(VISUAL_SEPARATORS, '');
  return number && NUMBER.test(number) ? number : undefined;
}

/** Who calls (the From URI's user part: their number, as the network presents it), when it is plain text. */
export function callerOf(invite: SipMessage): string | undefined {
  const user = userOf(invite.headers.from?.uri)?.replace(VISUAL_SEPARATORS, '');
  return user && CALLER.test(user) ? user : undefined;
}

/** The final response for a call that could not be answered. */
export function sipStatusFor(error: unknown): { status: number; reason: string } {
  if (!(error instanceof SwitchboardError)) return { status: 500, reason: 'Server Internal Error' };
  switch (error.code) {
    case 'not_found':
      return { status: 404, reason: 'Not Found' };
    case 'validation_failed':
      return { status: 488, reason: 'Not Acceptable Here' };
    case 'limit_reached':
      return { status: 486, reason: 'Busy Here' };
    default:
      return { status: 503, reason: 'Service Unavailable' };
  }
}
