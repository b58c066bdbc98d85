import { LsBigDecimal, newMap, type LsMap, type LsValue } from './value.js';

/**
 * JSON read as Logstash reads it. Both readers are Jackson 2.16 parsers (strict JSON: no
 * comments, no single quotes, no NaN, no leading zeros or `+`, no raw control characters in
 * strings) with Logstash's limits (config/jvm.options at v8.17.4: strings up to 200 000 000
 * chars, numbers up to 10 000 chars; nesting up to Jackson's 1000). Duplicate keys: the last
 * value wins (at the first one's place). Integers become Integer (bigint, any size).
 *
 * - `parseJackson`: ObjectMapper.readValue(text, Object.class), as Event.fromJson does for the
 *   json_lines codec: floats are Doubles; ONE value is read and anything after it is ignored
 *   (FAIL_ON_TRAILING_TOKENS is off).
 * - `parseJrJackson`: LogStash::Json.load → JrJackson::Ruby.parse(text, {}) (jrjackson v0.4.20
 *   JrJacksonRuby.java:41-82, JrParse.java:27-36): floats are BigDecimals; EVERY value in the
 *   text is read and the last one is the result (`{"a":1} {"b":2}` gives {"b":2}); empty text
 *   gives nil. Trailing garbage is an error.
 */
export class JsonParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonParseError';
  }
}

export function parseJackson(text: string): LsValue | undefined {
  const p = new Parser(text, false);
  p.skipBlank();
  if (p.done) return undefined;
  return p.value(0);
}

export function parseJrJackson(text: string): LsValue {
  const p = new Parser(text, true);
  let result: LsValue = null;
  for (;;) {
    p.skipBlank();
    if (p.done) return result;
    result = p.value(0);
  }
}

const maxDepth = 1000;
const maxNumberLength = 10_000;
const maxStringLength = 200_000_000;

class Parser {
  i = 0;
  constructor(
    readonly text: string,
    readonly bigDecimals: boolean,
  ) {}

  get done(): boolean {
    return this.i >= this.text.length;
  }

  skipBlank(): void {
    while (this.i < this.text.length && ' \t\n\r'.includes(this.text[this.i]!)) this.i++;
  }

  fail(message: string): never {
    throw new JsonParseError(`${message} at char ${this.i}`, this.i);
  }

  value(depth: number): LsValue {
    this.skipBlank();
    const c = this.text[this.i];
    if (c === '{' || c === '[') {
      if (depth + 1 > maxDepth) this.fail(`Document nesting depth (${depth + 1}) exceeds the maximum allowed (${maxDepth}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`);
      return c === '{' ? this.object(depth + 1) : this.array(depth + 1);
    }
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    if (c === undefined) this.fail('Unexpected end-of-input: expected a value');
    const token = /^[^\s,:\]}{[]*/.exec(this.text.slice(this.i, this.i + 256))![0] || c;
    return this.fail(`Unrecognized token '${token}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`);
  }

  private object(depth: number): LsMap {
    const map = newMap();
    this.i++;
    this.skipBlank();
    if (this.text[this.i] === '}') {
      this.i++;
      return map;
    }
    for (;;) {
      this.skipBlank();
      if (this.text[this.i] !== '"') this.fail(`Unexpected character ('${this.text[this.i] ?? 'EOF'}'): was expecting double-quote to start field name`);
      const key = this.string();
      this.skipBlank();
      if (this.text[this.i] !== ':') this.fail(`Unexpected character ('${this.text[this.i] ?? 'EOF'}'): was expecting a colon to separate field name and value`);
      this.i++;
      map[key] = this.value(depth);
      this.skipBlank();
      const next = this.text[this.i++];
      if (next === '}') return map;
      if (next !== ',') this.fail(`Unexpected character ('${next ?? 'EOF'}'): was expecting comma to separate Object entries`);
    }
  }

  private array(depth: number): LsValue[] {
    const list: LsValue[] = [];
    this.i++;
    this.skipBlank();
    if (this.text[this.i] === ']') {
      this.i++;
      return list;
    }
    for (;;) {
      list.push(this.value(depth));
      this.skipBlank();
      const next = this.text[this.i++];
      if (next === ']') return list;
      if (next !== ',') this.fail(`Unexpected character ('${next ?? 'EOF'}'): was expecting comma to separate Array entries`);
    }
  }

  private string(): string {
    let out = '';
    let start = ++this.i;
    for (;;) {
      if (this.i >= this.text.length) this.fail('Unexpected end-of-input: was expecting closing quote for a string value');
      const c = this.text.charCodeAt(this.i);
      if (c === 0x22) break;
      if (c < 0x20) this.fail(`Illegal unquoted character ((CTRL-CHAR, code ${c})): has to be escaped using backslash to be included in string value`);
      if (c !== 0x5c) {
        this.i++;
        continue;
      }
      out += this.text.slice(start, this.i);
      const e = this.text[this.i + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && e in simple) {
        out += simple[e];
        this.i += 2;
      } else if (e === 'u' && /^[0-9A-Fa-f]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.i + 2, this.i + 6), 16));
        this.i += 6;
      } else {
        this.fail(`Unrecognized character escape '${e ?? 'EOF'}'`);
      }
      start = this.i;
    }
    out += this.text.slice(start, this.i);
    this.i++;
    if (out.length > maxStringLength) this.fail(`String value length (${out.length}) exceeds the maximum allowed (${maxStringLength})`);
    return out;
  }

  private number(): LsValue {
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + maxNumberLength + 64));
    if (!m) this.fail('Invalid numeric value');
    const token = m[0];
    const after = this.text[this.i + token.length];
    if (after !== undefined && /[0-9.eE]/.test(after))
      this.fail(/^-?0\d/.test(this.text.slice(this.i, this.i + 3)) ? 'Invalid numeric value: Leading zeroes not allowed' : `Invalid numeric value: unexpected character ('${after}')`);
    if (token.length > maxNumberLength) this.fail(`Number value length (${token.length}) exceeds the maximum allowed (${maxNumberLength}, from \`StreamReadConstraints.getMaxNumberLength()\`)`);
    this.i += token.length;
    if (!m[1] && !m[2]) return BigInt(token);
    return this.bigDecimals ? LsBigDecimal.parse(token) : Number(token);
  }
}
