import { describe, expect, it } from 'vitest';
import { parseBoolean } from './boolean.js';
import { isInetAddress, parseIp } from './ip.js';
import { fieldOf, refusal, jsonValue } from '../../../tests/support/elasticsearch/test-fields.js';

describe('ip (IpFieldMapper, InetAddresses#forString of 8.x)', () => {
  it('accepts IPv4, IPv6 with "::", embedded IPv4 and scope ids', () => {
    const ok = ['10.0.0.1', '0.0.0.0', '255.255.255.255', '::', '::1', '2001:db8::8a2e:370:7334', '1:2:3:4:5:6:7:8', '::ffff:10.0.0.1', 'fe80::1%eth0', '2001:DB8::1', '0001:0:0:0:0:0:0:1'];
    expect(ok.filter((s) => !isInetAddress(s, 'f'))).toEqual([]);
  });

  it('refuses leading zeros, out-of-range octets, extra parts, two "::", a dotted quad with a scope, host names', () => {
    const bad = ['010.0.0.1', '256.0.0.1', '1.2.3', '1.2.3.4.5', '1::2::3', '1:2:3:4:5:6:7:8:9', '::ffff:1.2.3.4%x', 'fe80::1%', 'localhost', '', '1.2.3.4%eth0', ':1:2:3:4:5:6:7', '12345::'];
    expect(bad.filter((s) => isInetAddress(s, 'f'))).toEqual([]);
  });

  it('refuses with "\'x\' is not an IP string literal." or ignores with ignore_malformed', () => {
    expect(refusal(() => parseIp(fieldOf('ip'), jsonValue('"x"')))?.error).toEqual({ type: 'illegal_argument_exception', reason: "'x' is not an IP string literal." });
    expect(parseIp(fieldOf('ip', { ignoreMalformed: true }), jsonValue('42'))).toBe('ignored');
    expect(refusal(() => parseIp(fieldOf('ip', { ignoreMalformed: true }), jsonValue('{}')))?.error.type).toBe('illegal_state_exception');
  });
});

describe('boolean (BooleanFieldMapper → AbstractXContentParser#booleanValue → Booleans#parseBoolean)', () => {
  it('accepts true/false tokens and the strings "true", "false" and "" (false)', () => {
    expect(['true', 'false', '"true"', '"false"', '""'].map((v) => parseBoolean(fieldOf('boolean'), jsonValue(v)))).toEqual(Array(5).fill('indexed'));
  });

  it('refuses anything else, or ignores value tokens with ignore_malformed (boolean supports it since 8.8)', () => {
    expect(refusal(() => parseBoolean(fieldOf('boolean'), jsonValue('"yes"')))?.error.reason).toBe('Failed to parse value [yes] as only [true] or [false] are allowed.');
    expect(refusal(() => parseBoolean(fieldOf('boolean'), jsonValue('1')))?.error.reason).toBe('[1:6] Current token (VALUE_NUMBER_INT) not of boolean type');
    expect(['"yes"', '"True"', '0'].map((v) => parseBoolean(fieldOf('boolean', { ignoreMalformed: true }), jsonValue(v)))).toEqual(Array(3).fill('ignored'));
    expect(refusal(() => parseBoolean(fieldOf('boolean', { ignoreMalformed: true }), jsonValue('{}')))).toBeDefined();
  });
});
