import { isIPv6 } from 'node:net';
import { UnmodelledError } from '../filter-api.js';

export type InetAddress =
  | { kind: 'address'; lookup: string; hostAddress: string }
  /** InetAddress.getByName threw UnknownHostException: an invalid IPv6 literal. */
  | { kind: 'unknown-host'; message: string };

const dottedQuad = /^(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}$/;

/**
 * InetAddress.getByName for what GeoIPFilter.java:171 hands it, as far as the engine models it: a
 * dotted-quad IPv4 literal, an IPv6 literal (in brackets or not; ::ffff:a.b.c.d becomes the IPv4
 * address, as Java returns an Inet4Address for it), and any text holding a ':' that is no valid
 * IPv6 literal ("invalid IPv6 address"). Anything else Java would resolve through DNS, or read
 * with its lenient/ambiguous IPv4 rules (1.2.3, 010.0.0.1): the engine does neither and says so.
 */
export function getByName(text: string): InetAddress {
  const host = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (dottedQuad.test(host) && host.split('.').every((p) => Number(p) <= 255)) return { kind: 'address', lookup: host, hostAddress: host };
  if (host.includes(':')) {
    if (!isIPv6(host) || host.includes('%')) return { kind: 'unknown-host', message: `${host}: invalid IPv6 address` };
    const groups = ipv6Groups(host);
    const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
    if (mapped) {
      const v4 = [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
      return { kind: 'address', lookup: v4, hostAddress: v4 };
    }
    // Inet6Address#getHostAddress: eight groups, lower-case hex without leading zeros, no "::".
    return { kind: 'address', lookup: host, hostAddress: groups.map((g) => g.toString(16)).join(':') };
  }
  throw new UnmodelledError(`geoip source "${text}" is not an IP literal the engine reads: Logstash (InetAddress.getByName) would resolve it through DNS or read it with Java's lenient IPv4 rules`);
}

function ipv6Groups(host: string): number[] {
  let text = host;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const parse = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  return tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}
