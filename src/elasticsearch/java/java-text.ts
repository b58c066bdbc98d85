/**
 * Java's textual forms that show up inside Elasticsearch's messages: Double.toString (value
 * previews, geo errors), String#hashCode (HashMap order), Arrays.toString(byte[]) (the keyword
 * "immense term" message). Elasticsearch 8.17 ships JDK 23, whose Double.toString prints the
 * shortest decimal that round-trips (JDK 19+, JDK-4511638), as JavaScript does; only the layout
 * differs, and it is applied here.
 */
export function javaDoubleToString(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, expText] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      const frac = digits.slice(exp + 1) || '0';
      return `${sign}${intPart}.${frac}`;
    }
    return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${exp}`;
}

/** String#hashCode over UTF-16 code units, as a signed 32-bit int. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** Arrays.toString(byte[]): Java bytes are signed, so UTF-8 bytes >= 0x80 print negative. */
export function javaByteArrayToString(bytes: Uint8Array): string {
  return `[${Array.from(bytes, (b) => (b > 127 ? b - 256 : b)).join(', ')}]`;
}
