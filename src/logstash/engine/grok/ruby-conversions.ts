// String#to_i and #to_f as JRuby runs them (jruby/jruby core/src/main/java/org/jruby/util/
// ConvertBytes.java byteListToInum with badcheck false, and ConvertDouble.java DoubleConverter,
// non-strict; read from the stored JRuby sources, not from 9.4.9.0 itself). Neither raises:
// "abc".to_i is 0, "12abc".to_i is 12, "12abc".to_f is 12.0.

/** Integer: spaces (\v included), a sign, an optional 0d prefix, digits with single underscores. */
const integerPrefix = /^[ \t\n\v\f\r]*([+-]?)(?:0[dD])?(\d+(?:_\d+)*)/;

/** String#to_i (base 10): an Integer, of any size. */
export function rubyToI(text: string): bigint {
  const m = integerPrefix.exec(text);
  if (!m) return 0n;
  const value = BigInt(m[2]!.replaceAll('_', ''));
  return m[1] === '-' ? -value : value;
}

/**
 * String#to_f (ConvertDouble, non-strict): spaces (not \v) are skipped, then a sign, then digits
 * in which underscores are ignored, a fraction that may start right at the dot (".5" is 0.5, "1."
 * is 1.0), and an exponent ("1e" is 1.0); the first other character ends the number. An exponent
 * of more than three digits gives Infinity or 0.0.
 */
export function rubyToF(text: string): number {
  let i = 0;
  while (i < text.length && ' \t\n\f\r'.includes(text[i]!)) i++;
  let sign = '';
  if (text[i] === '-') sign = '-';
  if (text[i] === '-' || text[i] === '+') i++;
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  let mantissa = '';
  if (!isDigit(text[i]) && text[i] !== '.') return 0;
  while (isDigit(text[i]) || text[i] === '_') mantissa += text[i++] === '_' ? '' : text[i - 1];
  if (text[i] === '.') {
    i++;
    if (text[i] === '_') i++;
    if (!isDigit(text[i])) return Number(`${sign}${mantissa || '0'}`);
    mantissa += '.';
    while (isDigit(text[i]) || text[i] === '_') mantissa += text[i++] === '_' ? '' : text[i - 1];
  }
  let exponent = '';
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    while (text[i] === '_') i++;
    let expSign = '';
    if (text[i] === '-') expSign = '-';
    if (text[i] === '-' || text[i] === '+') i++;
    let digits = '';
    while (isDigit(text[i]) || text[i] === '_') digits += text[i++] === '_' ? '' : text[i - 1];
    digits = digits.replace(/^0+/, '');
    if (digits.length > 3) return expSign === '-' ? (sign ? -0 : 0) : sign ? -Infinity : Infinity;
    exponent = digits ? `e${expSign}${digits}` : '';
  }
  return Number(`${sign}${mantissa.startsWith('.') ? '0' : ''}${mantissa}${exponent}`);
}
