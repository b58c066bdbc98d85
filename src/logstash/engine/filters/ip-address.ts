import { isIPv6 } from 'node:net';

/**
 * Ruby's IPAddr (the ipaddr gem JRuby 9.4 ships, as Ruby 3.1's): an address or a network
 * (`10.0.0.0/8`, `10.0.0.0/255.0.0.0`, `[::1]`, `fe80::1%eth0`) as a family and a range.
 * IPAddr.new raises IPAddr::InvalidAddressError (an ArgumentError) on anything else, including
 * IPv4 octets with a leading zero ("zero-filled number in IPv4 address is ambiguous").
 */
export interface IpRange {
  family: 4 | 6;
  first: bigint;
  last: bigint;
}

export class InvalidAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IPAddr::InvalidAddressError';
  }
}

export function parseIpAddr(text: string): IpRange {
  let [addr, prefix] = text.split('/', 2) as [string, string | undefined];
  if (text.indexOf('/') !== text.lastIndexOf('/')) prefix = text.slice(text.indexOf('/') + 1);
  const bracketed = /^\[(.*)\]$/.exec(addr);
  if (bracketed) addr = bracketed[1]!;
  const v4 = ipv4(addr);
  const family: 4 | 6 = v4 === undefined ? 6 : 4;
  const value = v4 ?? ipv6(addr);
  if (value === undefined) throw new InvalidAddressError(`invalid address: ${text}`);
  const bits = family === 4 ? 32 : 128;
  let length = bits;
  if (prefix !== undefined) {
    if (/^\d+$/.test(prefix)) length = Number(prefix);
    else {
      const mask = family === 4 ? ipv4(prefix) : ipv6(prefix);
      if (mask === undefined) throw new InvalidAddressError(`invalid mask: ${text}`);
      length = maskLength(mask, bits, text);
    }
    if (length > bits) throw new InvalidAddressError(`invalid length: ${text}`);
  }
  const hostBits = BigInt(bits - length);
  const first = (value >> hostBits) << hostBits;
  return { family, first, last: first + (1n << hostBits) - 1n };
}

/** IPAddr#include?: same family and the other range inside this one. */
export function includes(network: IpRange, address: IpRange): boolean {
  return network.family === address.family && network.first <= address.first && network.last >= address.last;
}

function ipv4(text: string): bigint | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (!m) return undefined;
  let value = 0n;
  for (const octet of m.slice(1)) {
    if (/^0\d/.test(octet)) throw new InvalidAddressError(`zero-filled number in IPv4 address is ambiguous: ${text}`);
    const n = Number(octet);
    if (n > 255) throw new InvalidAddressError(`invalid address: ${text}`);
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function ipv6(text: string): bigint | undefined {
  const bare = text.replace(/%[^%]+$/, '');
  if (!isIPv6(bare)) return undefined;
  let head = bare;
  let tailV4: bigint | undefined;
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (v4) {
    head = `${v4[1]}0:0`;
    tailV4 = ipv4(v4[2]!);
  }
  const [left, right] = head.includes('::') ? head.split('::') : [head, undefined];
  const l = left ? left.split(':') : [];
  const r = right ? right.split(':') : [];
  const groups = right === undefined ? l : [...l, ...Array(8 - l.length - r.length).fill('0'), ...r];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(parseInt(g || '0', 16));
  return tailV4 === undefined ? value : (value & ~0xffffffffn) | tailV4;
}

function maskLength(mask: bigint, bits: number, text: string): number {
  const inverted = ~mask & ((1n << BigInt(bits)) - 1n);
  if ((inverted & (inverted + 1n)) !== 0n) throw new InvalidAddressError(`invalid mask: ${text}`);
  return bits - inverted.toString(2).replace(/^0+/, '').length;
}
