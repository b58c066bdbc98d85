import { illegalArgument } from '../es-failure.js';
import type { JsonNode } from '../json/json-node.js';
import type { FieldMapping } from '../mapping/mapping-types.js';
import { UnmodelledError } from '../unmodelled-error.js';
import { FieldValueError, scalarText, type ValueOutcome } from './field-errors.js';

/**
 * IpFieldMapper#parseCreateField: `parser.textOrNull()` then InetAddresses#forString; an
 * IllegalArgumentException ("'x' is not an IP string literal.") is ignored when
 * ignore_malformed is on. Objects fail in textOrNull (IllegalStateException) and are refused.
 */
export function parseIp(field: FieldMapping, node: JsonNode): ValueOutcome {
  const text = scalarText(node);
  if (text === null) return 'none';
  if (isInetAddress(text, field.path)) return 'indexed';
  if (field.params.ignoreMalformed) return 'ignored';
  throw new FieldValueError(illegalArgument(`'${text}' is not an IP string literal.`));
}

/**
 * InetAddresses#ipStringToBytes, the Guava-derived parser of Elasticsearch 8.x
 * (server/.../common/network/InetAddresses.java): IPv4 is four decimal octets without leading
 * zeros; IPv6 is 3-9 colon-separated hex parts with at most one "::", may end in a dotted quad,
 * and may carry a "%scope" suffix.
 */
export function isInetAddress(ip: string, where: string): boolean {
  let hasColon = false;
  let hasDot = false;
  let percent = -1;
  for (let i = 0; i < ip.length; i++) {
    const c = ip[i]!;
    if (c === '.') hasDot = true;
    else if (c === ':') {
      if (hasDot) return false; // colons must not appear after dots
      hasColon = true;
    } else if (c === '%') {
      percent = i;
      break;
    } else if (!/[0-9a-fA-F]/.test(c)) {
      // Character.digit(c, 16) also accepts other Unicode digits and full-width letters.
      if (/[\p{Nd}\uFF21-\uFF26\uFF41-\uFF46]/u.test(c)) throw new UnmodelledError(`an IP address with non-ASCII digits (${JSON.stringify(ip)})`, where);
      return false;
    }
  }
  if (hasColon) {
    let s = ip;
    if (hasDot) {
      const v = convertDottedQuadToHex(s);
      if (v === undefined) return false;
      s = v;
    }
    if (percent === s.length - 1) return false; // "%" with an empty scope id
    if (percent !== -1) s = s.slice(0, percent);
    return isIpv6(s);
  }
  if (hasDot && percent === -1) return ipv4Bytes(ip) !== undefined;
  return false;
}

function ipv4Bytes(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === '0') || Number(p) > 255) return undefined;
    bytes.push(Number(p));
  }
  return bytes;
}

function convertDottedQuadToHex(s: string): string | undefined {
  const last = s.lastIndexOf(':');
  const quad = ipv4Bytes(s.slice(last + 1));
  if (!quad) return undefined;
  const hex = (a: number, b: number) => ((a << 8) | b).toString(16);
  return `${s.slice(0, last + 1)}${hex(quad[0]!, quad[1]!)}:${hex(quad[2]!, quad[3]!)}`;
}

/** textToNumericFormatV6: 3 to 9 parts, one "::" at most, each hextet <= 0xffff. */
function isIpv6(s: string): boolean {
  const parts = s.split(':');
  if (parts.length < 3 || parts.length > 9) return false;
  let skip = -1;
  for (let i = 1; i < parts.length - 1; i++) {
    if (parts[i] === '') {
      if (skip >= 0) return false;
      skip = i;
    }
  }
  let hi: number;
  let lo: number;
  if (skip >= 0) {
    hi = skip;
    lo = parts.length - skip - 1;
    if (parts[0] === '' && --hi !== 0) return false;
    if (parts[parts.length - 1] === '' && --lo !== 0) return false;
  } else {
    hi = parts.length;
    lo = 0;
  }
  const skipped = 8 - (hi + lo);
  if (!(skip >= 0 ? skipped >= 1 : skipped === 0)) return false;
  const hextets = [...parts.slice(0, hi), ...parts.slice(parts.length - lo)];
  return hextets.every((h) => /^[0-9a-fA-F]+$/.test(h) && parseInt(h, 16) <= 0xffff);
}
