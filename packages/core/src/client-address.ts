/**
 * The part of a client's address that one party controls, for counting attempts: an IPv4 address as it is
 * (also when written IPv4-mapped, `::ffff:192.0.2.1`), an IPv6 address by its /64 network — one subscriber
 * usually holds a whole /64, so counting single IPv6 addresses would give an attacker endless fresh ones.
 */
export function addressBucket(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  const hextets = expandIpv6(address.split('%')[0] ?? address);
  if (!hextets) return address;
  return `${hextets.slice(0, 4).join(':')}::/64`;
}

function expandIpv6(address: string): string[] | undefined {
  const halves = address.toLowerCase().split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string | undefined) => (part ? part.split(':') : []);
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  const all = [...head, ...Array.from({ length: missing }, () => '0'), ...tail];
  if (!all.every((h) => /^[0-9a-f]{1,4}$/.test(h))) return undefined;
  return all.map((h) => h.replace(/^0+(?=.)/, ''));
}
