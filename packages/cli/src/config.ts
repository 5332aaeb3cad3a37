import { isIP } from 'node:net';
import type { SipTrunk } from '@switchboard/server';
/** Process configuration: each setting is an environment variable and a `switchboard start` flag. */
export const PROCESS_ROLES = ['web', 'router', 'worker'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface StartConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  roles: ProcessRole[];
  logLevel: string;
  /** `LOG_FORMAT`: pretty (for people) by default on a terminal, else JSON lines (for log shippers). */
  logFormat: LogFormat;
  /** `SWITCHBOARD_MASTER_KEY`: the master key(s); unset: the file master.key in the data folder. */
  masterKey: string | undefined;
  /** `SWITCHBOARD_TRUST_PROXY`: a hop count, or the proxies' addresses/CIDRs; unset: none. */
  trustProxy: number | string[] | false;
  /** `SWITCHBOARD_SIGNIN_ADDRESS_FAILURES`: failed sign-ins from one address before attempts are spaced out. */
  signInAddressFailures: number | undefined;
  /** Open connections in all and per client address (0: no per-address cap). */
  connections: { maxConnections: number; maxConnectionsPerClient: number };
  /** The bearer token that reads /metrics; unset: only this machine may. */
  metricsToken: string | undefined;
  /** `SWITCHBOARD_SIP`: the address and UDP port calls from SIP trunks and phones come to; unset: none. */
  sip: SipListen | undefined;
  /** `SWITCHBOARD_RTP_PORTS`: the UDP ports calls' audio uses (`10000-20000`); unset: any free port. */
  rtpPorts: { min: number; max: number } | undefined;
}

export interface SipListen {
  address: string;
  port: number;
  /** `SWITCHBOARD_SIP_TRUNKS`: none unless set. */
  trunks: SipTrunk[];
}

export interface StartFlags {
  port?: string;
  host?: string;
  data?: string;
  databaseUrl?: string;
  adminPassword?: string;
  demo?: string;
  roles?: string;
  logLevel?: string;
  logFormat?: string;
  masterKey?: string;
  trustProxy?: string;
  signinAddressFailures?: string;
  maxConnections?: string;
  maxConnectionsPerClient?: string;
  metricsToken?: string;
  sip?: string;
  sipTrunks?: string;
  rtpPorts?: string;
}

export class ConfigError extends Error {}

/** `stdoutIsTty`: whether logs go to a terminal (a person reads them) rather than a pipe or file. */
export function resolveStartConfig(
  flags: StartFlags,
  env: NodeJS.ProcessEnv,
  stdoutIsTty = false,
): StartConfig {
  const portText = flags.port ?? env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65_535)
    throw new ConfigError(`PORT must be 0–65535 (0 picks a free port), not "${portText}".`);
  const demoText = flags.demo ?? env.SWITCHBOARD_DEMO ?? '1';
  if (demoText !== '0' && demoText !== '1')
    throw new ConfigError(`SWITCHBOARD_DEMO must be 0 or 1, not "${demoText}".`);
  const roles = (flags.roles ?? env.SWITCHBOARD_ROLES ?? PROCESS_ROLES.join(','))
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !(PROCESS_ROLES as readonly string[]).includes(r));
  if (unknown.length > 0 || roles.length === 0) {
    throw new ConfigError(
      `SWITCHBOARD_ROLES takes a comma-separated list of ${PROCESS_ROLES.join(', ')}; got "${roles.join(',')}".`,
    );
  }
  const adminPassword = flags.adminPassword ?? env.SWITCHBOARD_ADMIN_PASSWORD;
  if (adminPassword !== undefined && (adminPassword.length < 8 || adminPassword.length > 128)) {
    throw new ConfigError('SWITCHBOARD_ADMIN_PASSWORD must be 8 to 128 characters long.');
  }
  return {
    ...securitySettings(flags, env),
    port,
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    dataDir: flags.data ?? env.SWITCHBOARD_DATA ?? './data',
    databaseUrl: flags.databaseUrl ?? (env.DATABASE_URL || undefined),
    adminPassword,
    demo: demoText === '1',
    roles: roles as ProcessRole[],
    logLevel: flags.logLevel ?? env.LOG_LEVEL ?? 'info',
    logFormat: logFormat(flags.logFormat ?? (env.LOG_FORMAT || undefined), stdoutIsTty),
    connections: {
      maxConnections: count('SWITCHBOARD_MAX_CONNECTIONS', flags.maxConnections, env, 10_000, 1),
      maxConnectionsPerClient: count(
        'SWITCHBOARD_MAX_CONNECTIONS_PER_CLIENT',
        flags.maxConnectionsPerClient,
        env,
        256,
        0,
      ),
    },
    metricsToken: flags.metricsToken ?? (env.SWITCHBOARD_METRICS_TOKEN || undefined),
    rtpPorts: parseRtpPorts(flags.rtpPorts ?? (env.SWITCHBOARD_RTP_PORTS || undefined)),
    sip: parseSip(
      flags.sip ?? (env.SWITCHBOARD_SIP || undefined),
      flags.sipTrunks ?? (env.SWITCHBOARD_SIP_TRUNKS || undefined),
      env.SWITCHBOARD_SIP_TRUNK_CREDENTIALS || undefined,
    ),
  };
}

/** `10000-20000`: at least 10 ports, from 1024 up (each call takes one or two while it lasts). */
export function parseRtpPorts(text: string | undefined): { min: number; max: number } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{1,5})-(\d{1,5})$/.exec(text.trim());
  const [min, max] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || min < 1024 || max > 65_535 || max - min + 1 < 10)
    throw new ConfigError(
      `SWITCHBOARD_RTP_PORTS is a range of at least 10 UDP ports from 1024 to 65535, like 10000-20000, not "${text}".`,
    );
  return { min, max };
}

/** Where SIP listens, and its trunks with their credentials; trunks without SIP are refused. */
export function parseSip(
  listen: string | undefined,
  trunks: string | undefined,
  credentials?: string | undefined,
): SipListen | undefined {
  const at = parseSipListen(listen);
  if (!at) {
    if (trunks !== undefined || credentials !== undefined)
      throw new ConfigError(
        `${trunks !== undefined ? 'SWITCHBOARD_SIP_TRUNKS' : 'SWITCHBOARD_SIP_TRUNK_CREDENTIALS'} needs SWITCHBOARD_SIP: trunks are reached over it.`,
      );
    return undefined;
  }
  return { ...at, trunks: withCredentials(parseSipTrunks(trunks), credentials) };
}

const CREDENTIALS_SHAPE =
  'SWITCHBOARD_SIP_TRUNK_CREDENTIALS is a list like carrier=username:password (a comma, colon or percent sign in one written %2C, %3A, %25)';

/**
 * `carrier=alice:s3cret,pbx=…`: the username and password a trunk's digest challenge is answered with, each
 * percent-encoded where it holds a `,`, `:` or `%`. Only in the environment: a command line is seen by every user
 * of the machine.
 */
function withCredentials(trunks: SipTrunk[], text: string | undefined): SipTrunk[] {
  if (text === undefined || text.trim() === '') return trunks;
  const given = new Map<string, { username: string; password: string }>();
  for (const entry of text.split(',')) {
    const match = /^([A-Za-z0-9_-]{1,40})=([^:]+):(.+)$/.exec(entry.trim());
    const [name, username, password] = [match?.[1], decoded(match?.[2]), decoded(match?.[3])];
    // The entry is not repeated back: it holds a password.
    // A quote in the username would end it early in the signed header.
    if (!name || !username || !password || username.includes('"'))
      throw new ConfigError(`${CREDENTIALS_SHAPE}; one entry is not.`);
    if (!trunks.some((trunk) => trunk.name === name))
      throw new ConfigError(
        `SWITCHBOARD_SIP_TRUNK_CREDENTIALS names the trunk "${name}", which SWITCHBOARD_SIP_TRUNKS does not have.`,
      );
    if (given.has(name))
      throw new ConfigError(`SWITCHBOARD_SIP_TRUNK_CREDENTIALS names the trunk "${name}" twice.`);
    given.set(name, { username, password });
  }
  return trunks.map((trunk) => {
    const credentials = given.get(trunk.name);
    return credentials ? { ...trunk, credentials } : trunk;
  });
}

function decoded(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * `carrier=203.0.113.5:5060,pbx=198.51.100.7:5060`: each trunk's name and the IPv4 address and UDP port of its SIP
 * side (an address, not a host name: calls coming in are checked against it; the SIP stack cannot send a request
 * to an IPv6 address). Outbound calls use the first.
 */
export function parseSipTrunks(text: string | undefined): SipTrunk[] {
  if (text === undefined || text.trim() === '') return [];
  const trunks = text.split(',').map((entry) => {
    const match = /^([A-Za-z0-9_-]{1,40})=(.+)$/.exec(entry.trim());
    const at = match?.[2] ? addressAndPort(match[2]) : undefined;
    if (!match?.[1] || !at)
      throw new ConfigError(
        `SWITCHBOARD_SIP_TRUNKS is a list like carrier=203.0.113.5:5060,pbx=198.51.100.7:5060; "${entry.trim()}" is not a name=address:port.`,
      );
    if (isIP(at.address) === 6)
      throw new ConfigError(
        `SWITCHBOARD_SIP_TRUNKS takes IPv4 addresses; "${entry.trim()}" is IPv6, which the SIP stack cannot call.`,
      );
    return { name: match[1], ...at };
  });
  const names = trunks.map((trunk) => trunk.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new ConfigError(`SWITCHBOARD_SIP_TRUNKS names the trunk "${twice}" twice.`);
  return trunks;
}

function addressAndPort(text: string): { address: string; port: number } | undefined {
  const match = /^(?:\[([0-9a-fA-F:]+)\]|([0-9.]+)):(\d{1,5})$/.exec(text.trim());
  const address = match?.[1] ?? match?.[2];
  const port = Number(match?.[3]);
  if (!address || isIP(address) === 0 || port < 1 || port > 65_535) return undefined;
  return { address, port };
}

/**
 * `192.0.2.10:5060` or `[2001:db8::10]:5060`. The address must be one this machine has (not 0.0.0.0): the calls'
 * audio is answered on it too, and the other side is told to send there.
 */
export function parseSipListen(text: string | undefined): { address: string; port: number } | undefined {
  if (text === undefined) return undefined;
  const at = addressAndPort(text);
  if (!at)
    throw new ConfigError(`SWITCHBOARD_SIP must be an address and port like 192.0.2.10:5060, not "${text}".`);
  const { address, port } = at;
  if (address === '0.0.0.0' || address === '::')
    throw new ConfigError(
      `SWITCHBOARD_SIP needs this machine's own address, not "${address}": callers' audio is sent to it.`,
    );
  return { address, port };
}

function logFormat(text: string | undefined, stdoutIsTty: boolean): LogFormat {
  if (text === undefined) return stdoutIsTty ? 'pretty' : 'json';
  if (!(LOG_FORMATS as readonly string[]).includes(text))
    throw new ConfigError(`LOG_FORMAT must be json or pretty, not "${text}".`);
  return text as LogFormat;
}

function securitySettings(flags: StartFlags, env: NodeJS.ProcessEnv) {
  const failuresText = flags.signinAddressFailures ?? env.SWITCHBOARD_SIGNIN_ADDRESS_FAILURES;
  if (failuresText !== undefined && (!/^\d+$/.test(failuresText) || Number(failuresText) < 5)) {
    throw new ConfigError(
      `SWITCHBOARD_SIGNIN_ADDRESS_FAILURES must be a whole number of at least 5, not "${failuresText}".`,
    );
  }
  return {
    masterKey: flags.masterKey ?? (env.SWITCHBOARD_MASTER_KEY || undefined),
    trustProxy: parseTrustProxy(flags.trustProxy ?? env.SWITCHBOARD_TRUST_PROXY),
    signInAddressFailures: failuresText === undefined ? undefined : Number(failuresText),
  };
}

/** `1` (hops) or `127.0.0.1,10.0.0.0/8`; "true" is refused: trusting every peer lets clients pick their address. */
export function parseTrustProxy(text: string | undefined): number | string[] | false {
  const value = text?.trim();
  if (!value || value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const list = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const bad = list.filter(
    (part) =>
      !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(part) && !['loopback', 'linklocal', 'uniquelocal'].includes(part),
  );
  if (bad.length > 0 || list.length === 0) {
    throw new ConfigError(
      `SWITCHBOARD_TRUST_PROXY takes a number of proxy hops or a comma-separated list of the proxies' addresses or CIDRs (or loopback), not "${value}".`,
    );
  }
  return list;
}

function count(
  name: string,
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  fallback: number,
  min: number,
) {
  const text = flag ?? env[name] ?? String(fallback);
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > 1_000_000) {
    throw new ConfigError(`${name} must be a whole number from ${min} to 1000000, not "${text}".`);
  }
  return value;
}
