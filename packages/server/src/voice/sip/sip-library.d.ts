/** The parts of npm `sip` (kirm/sip.js) Switchboard uses; the package ships no types. */
declare module 'sip' {
  export interface SipUri {
    schema?: string;
    user?: string;
    password?: string;
    host?: string;
    port?: number;
    params: Record<string, string | null | undefined>;
    headers?: Record<string, string>;
  }
  export interface NameAddr {
    name?: string | undefined;
    uri: string;
    params: Record<string, string | null | undefined>;
  }
  export interface SipMessage {
    method?: string;
    uri?: string;
    status?: number;
    reason?: string;
    version?: string;
    headers: {
      via: { params: Record<string, string | null | undefined> }[];
      to: NameAddr;
      from: NameAddr;
      'call-id': string;
      cseq: { seq: number; method: string };
      contact?: NameAddr[] | undefined;
      'record-route'?: NameAddr[] | undefined;
      route?: NameAddr[] | undefined;
      'content-type'?: string | undefined;
      [name: string]: unknown;
    };
    content?: string;
  }
  export interface Remote {
    protocol: string;
    address: string;
    port: number;
  }
  export interface SipStack {
    send(message: SipMessage, onResponse?: (response: SipMessage) => void): void;
    destroy(): void;
  }
  export interface SipOptions {
    address?: string;
    port?: number;
    publicAddress?: string;
    udp?: boolean;
    tcp?: boolean;
    logger?: { error?(error: unknown): void };
  }
  export function create(
    options: SipOptions,
    onRequest: (request: SipMessage, remote: Remote) => void,
  ): SipStack;
  export function makeResponse(
    request: SipMessage,
    status: number,
    reason?: string,
    extension?: { headers?: Record<string, unknown>; content?: string },
  ): SipMessage;
  /** Reads a datagram or text as a SIP message; undefined when it is not one. */
  export function parse(data: string | Buffer): SipMessage | undefined;
  export function parseUri(uri: string | SipUri): SipUri | undefined;
  export function stringifyUri(uri: SipUri): string;
  export function generateBranch(): string;
  const sip: {
    create: typeof create;
    makeResponse: typeof makeResponse;
    parse: typeof parse;
    parseUri: typeof parseUri;
    stringifyUri: typeof stringifyUri;
    generateBranch: typeof generateBranch;
  };
  export default sip;
}

/** The digest authentication helpers of npm `sip`: a client signing a request after a challenge, a server's side. */
declare module 'sip/digest.js' {
  import type { SipMessage } from 'sip';
  export function signRequest(
    context: object,
    request: SipMessage,
    /** Absent: signed with what `context` kept from the challenge it was first given. */
    challenge: SipMessage | undefined,
    credentials: { user: string; password: string },
  ): unknown;
  /** Adds a digest challenge of `context.realm` to a 401 or 407 response (a server asking for credentials). */
  export function challenge(context: object, response: SipMessage): SipMessage;
  /** Whether `request` answers the challenge of `context` with these credentials. */
  export function authenticateRequest(
    context: object,
    request: SipMessage,
    credentials: { user: string; password: string },
  ): boolean;
  const digest: {
    signRequest: typeof signRequest;
    challenge: typeof challenge;
    authenticateRequest: typeof authenticateRequest;
  };
  export default digest;
}
