import { describe, expect, it } from 'vitest';
import { runFilter, testEvent } from '../../../../tests/support/logstash/run-filter.js';
import { cidrFilter } from './cidr-filter.js';
import { includes, parseIpAddr } from './ip-address.js';

const privateNets = '["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16", "100.64.0.0/10", "::1/128", "fc00::/7", "fe80::/10"]';
const cidr = `cidr { address => ["%{[client][ip]}"] network => ${privateNets} add_tag => ["private_ip"] }`;

// logstash-filter-cidr v3.1.3 lib/logstash/filters/cidr.rb; Ruby's IPAddr.
describe('cidr filter', () => {
  it('tags private v4 and v6 addresses, not public ones', async () => {
    for (const [ip, tagged] of [
      ['10.1.2.3', true],
      ['192.168.0.1', true],
      ['8.8.8.8', false],
      ['::1', true],
      ['fd00::5', true],
      ['2001:4860::8888', false],
      ['100.64.0.1', true],
    ] as const) {
      const { events } = await runFilter(cidrFilter, cidr, [testEvent([['client', Object.assign(Object.create(null), { ip })]])]);
      expect(events[0]!.get('tags'), ip).toEqual(tagged ? ['private_ip'] : undefined);
    }
  });
  it('an invalid address is skipped with a WARN carrying the whole event', async () => {
    const { events, log } = await runFilter(cidrFilter, cidr, [testEvent([['message', 'secret=S']])]);
    expect(events[0]!.get('tags')).toBeUndefined();
    expect(log[0]).toMatchObject({ level: 'warn', logger: 'logstash.filters.cidr', message: 'Invalid IP address, skipping', data: { address: '%{[client][ip]}' } });
    expect(JSON.stringify(String((log[0]!.data!.event as Record<string, unknown>).message))).toContain('secret=S');
  });
});

describe('IPAddr parsing', () => {
  it('reads networks with prefixes and masks; mixed families never include', () => {
    expect(includes(parseIpAddr('10.0.0.0/255.0.0.0'), parseIpAddr('10.9.9.9'))).toBe(true);
    expect(includes(parseIpAddr('::ffff:0:0/96'), parseIpAddr('1.2.3.4'))).toBe(false);
    expect(includes(parseIpAddr('fe80::/10'), parseIpAddr('fe80::1%eth0'))).toBe(true);
  });
  it('rejects zero-filled octets and garbage', () => {
    expect(() => parseIpAddr('010.0.0.1')).toThrow('zero-filled');
    expect(() => parseIpAddr('8.8.8.8\nx')).toThrow();
    expect(() => parseIpAddr('256.1.1.1')).toThrow();
  });
});
