import { describe, expect, it } from 'vitest';
import { javaHashOrder, javaHashSetToString } from './java-hash-order.js';
import { javaByteArrayToString, javaDoubleToString, javaStringHash } from './java-text.js';

describe('javaDoubleToString (Double#toString, JDK 19+)', () => {
  it('prints plain decimals between 10^-3 and 10^7 with at least one fraction digit, else computerized scientific notation', () => {
    // Double#toString javadoc: "If m is greater than or equal to 10^-3 but less than 10^7 ... Otherwise ... computerized scientific notation"
    expect([100, 1.5, 0.001, 9999999.5].map(javaDoubleToString)).toEqual(['100.0', '1.5', '0.001', '9999999.5']);
    expect([1e7, 9e-4, 1.23456789e8, 1e21].map(javaDoubleToString)).toEqual(['1.0E7', '9.0E-4', '1.23456789E8', '1.0E21']);
    expect([0, -0, NaN, Infinity, -Infinity].map(javaDoubleToString)).toEqual(['0.0', '-0.0', 'NaN', 'Infinity', '-Infinity']);
  });
});

describe('javaStringHash (String#hashCode)', () => {
  it('is s[0]*31^(n-1) + ... + s[n-1] in 32-bit arithmetic', () => {
    expect(javaStringHash('a')).toBe(97);
    expect(javaStringHash('Aa')).toBe(javaStringHash('BB')); // the classic collision, both 2112
    expect(javaStringHash('hello')).toBe(99162322);
  });
});

describe('javaHashOrder (java.util.HashMap iteration)', () => {
  it('iterates by bucket, not by insertion', () => {
    expect(
      javaHashOrder([
        ['c', 1],
        ['b', 2],
        ['a', 3],
      ] as const).map(([k]) => k),
    ).toEqual(['a', 'b', 'c']);
  });

  it('prints a HashSet as Elasticsearch did in MetadataIndexTemplateServiceTests (data streams [unreferenced, logs-mysql-default])', () => {
    // elastic/elasticsearch server/src/test/.../MetadataIndexTemplateServiceTests.java, testDataStreamsAreReferenced...:
    // "... would cause data streams [unreferenced, logs-mysql-default] to no longer match a data stream template"
    expect(javaHashSetToString(['logs-mysql-default', 'unreferenced'])).toBe('[unreferenced, logs-mysql-default]');
  });
});

describe('javaByteArrayToString (Arrays#toString(byte[]))', () => {
  it('prints UTF-8 bytes as signed Java bytes', () => {
    expect(javaByteArrayToString(Buffer.from('aé', 'utf8'))).toBe('[97, -61, -87]');
  });
});
