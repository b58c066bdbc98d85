import { describe, expect, it } from 'vitest';
import { UnmodelledError } from '../filter-api.js';
import { getByName } from './java-inet-address.js';

describe('InetAddress.getByName as far as the engine models it', () => {
  it('reads IPv4 and IPv6 literals and prints them as getHostAddress does', () => {
    expect(getByName('8.8.8.8')).toEqual({ kind: 'address', lookup: '8.8.8.8', hostAddress: '8.8.8.8' });
    expect(getByName('[2001:DB8::1]')).toMatchObject({ hostAddress: '2001:db8:0:0:0:0:0:1' });
    expect(getByName('::ffff:192.0.2.1')).toMatchObject({ lookup: '192.0.2.1', hostAddress: '192.0.2.1' });
    expect(getByName('::')).toMatchObject({ hostAddress: '0:0:0:0:0:0:0:0' });
  });

  it('calls text with a colon that is no IPv6 literal an unknown host, and refuses what needs DNS or lenient IPv4', () => {
    expect(getByName('8.8.8.8\n:x')).toMatchObject({ kind: 'unknown-host' });
    for (const text of ['example.com', '1.2.3', '010.0.0.1', '8.8.8.8\nx', '256.1.1.1']) expect(() => getByName(text)).toThrow(UnmodelledError);
  });
});
