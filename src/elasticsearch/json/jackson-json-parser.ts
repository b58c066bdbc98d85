import { ByteCursor } from './byte-cursor.js';
import type { JsonEntry, JsonNode, Loc } from './json-node.js';
import { JsonSyntaxError } from './json-syntax-error.js';

export { JsonSyntaxError };

/**
 * Jackson's StreamReadConstraints default maximum nesting depth in 2.15 (the version
 * Elasticsearch 8.17 bundles: build-tools-internal/version.properties `jackson = 2.15.0`).
 */
const MAX_NESTING_DEPTH = 1000;

export interface ParsedJson {
  readonly root: JsonNode;
  /** The token found after the root value, if any (DocumentParser#validateEnd rejects it). */
  readonly trailing?: string;
  /** Or the syntax error met while reading that token. */
  readonly trailingError?: JsonSyntaxError;
}

/**
 * Parses JSON text the way Elasticsearch's JsonXContent configures Jackson
 * (libs/x-content/impl/.../json/JsonXContentImpl.java): comments allowed (ALLOW_COMMENTS),
 * duplicate keys rejected (STRICT_DUPLICATE_DETECTION), no NaN/leading zeros/single quotes
 * (Jackson defaults). Integer and floating-point tokens stay apart.
 */
export function parseJackson(text: string): ParsedJson {
  const p = new Reader(Buffer.from(text, 'utf8'));
  p.skipSpace();
  const root = p.value(0);
  p.skipSpace();
  if (p.pos >= p.bytes.length) return { root };
  try {
    return { root, trailing: p.peekTokenName() };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { root, trailingError: e };
    throw e;
  }
}

class Reader extends ByteCursor {
  value(depth: number): JsonNode {
    const c = this.bytes[this.pos];
    const loc = this.loc();
    if (c === undefined) this.fail('Unexpected end-of-input: expected a value');
    if (c === 0x7b) return this.object(loc, depth + 1);
    if (c === 0x5b) return this.array(loc, depth + 1);
    if (c === 0x22) return { kind: 'string', value: this.string(), loc };
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number(loc);
    for (const [word, node] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.matches(word)) {
        this.pos += word.length;
        return node === null ? { kind: 'null', loc } : { kind: 'boolean', value: node, loc };
      }
    }
    return this.fail(`Unrecognized token starting with '${String.fromCharCode(c)}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`);
  }

  private matches(word: string): boolean {
    for (let i = 0; i < word.length; i++) if (this.bytes[this.pos + i] !== word.charCodeAt(i)) return false;
    const next = this.bytes[this.pos + word.length];
    return next === undefined || !/[A-Za-z0-9_$]/.test(String.fromCharCode(next));
  }

  private object(loc: Loc, depth: number): JsonNode {
    if (depth > MAX_NESTING_DEPTH) this.fail(`Document nesting depth (${depth}) exceeds the maximum allowed (${MAX_NESTING_DEPTH}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`);
    this.pos++;
    const entries: JsonEntry[] = [];
    const seen = new Set<string>();
    this.skipSpace();
    if (this.bytes[this.pos] === 0x7d) return { kind: 'object', entries, loc, end: (this.pos++, this.loc(this.pos - 1)) };
    for (;;) {
      if (this.bytes[this.pos] !== 0x22) this.fail('Unexpected character: was expecting double-quote to start field name');
      const keyLoc = this.loc();
      const key = this.string();
      // Jackson's DupDetector raises this while reading the name (STRICT_DUPLICATE_DETECTION).
      if (seen.has(key)) throw new JsonSyntaxError(keyLoc, `Duplicate field '${key}'`);
      seen.add(key);
      this.skipSpace();
      if (this.bytes[this.pos] !== 0x3a) this.fail('Unexpected character: was expecting a colon to separate field name and value');
      this.pos++;
      this.skipSpace();
      entries.push({ key, keyLoc, value: this.value(depth) });
      this.skipSpace();
      const c = this.bytes[this.pos];
      if (c === 0x2c) this.pos++, this.skipSpace();
      else if (c === 0x7d) return { kind: 'object', entries, loc, end: (this.pos++, this.loc(this.pos - 1)) };
      else this.fail(c === undefined ? 'Unexpected end-of-input: expected close marker for OBJECT' : 'Unexpected character: was expecting comma to separate Object entries');
    }
  }

  private array(loc: Loc, depth: number): JsonNode {
    if (depth > MAX_NESTING_DEPTH) this.fail(`Document nesting depth (${depth}) exceeds the maximum allowed (${MAX_NESTING_DEPTH}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`);
    this.pos++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.bytes[this.pos] === 0x5d) return { kind: 'array', items, loc, end: (this.pos++, this.loc(this.pos - 1)) };
    for (;;) {
      items.push(this.value(depth));
      this.skipSpace();
      const c = this.bytes[this.pos];
      if (c === 0x2c) this.pos++, this.skipSpace();
      else if (c === 0x5d) return { kind: 'array', items, loc, end: (this.pos++, this.loc(this.pos - 1)) };
      else this.fail(c === undefined ? 'Unexpected end-of-input: expected close marker for ARRAY' : 'Unexpected character: was expecting comma to separate Array entries');
    }
  }

  /** Jackson's number grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? (no leading zeros, no NaN). */
  private number(loc: Loc): JsonNode {
    const start = this.pos;
    let end = start;
    while (end < this.bytes.length && /[-+0-9.eE]/.test(String.fromCharCode(this.bytes[end]!))) end++;
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.ascii(start, end - start));
    if (!m || m[0] === '-') this.fail('Invalid numeric value: expected digit');
    // StreamReadConstraints#getMaxNumberLength, 1000 characters by default in Jackson 2.15.
    if (m[0].length > 1000) this.fail(`Number value length (${m[0].length}) exceeds the maximum allowed (1000, from \`StreamReadConstraints.getMaxNumberLength()\`)`);
    const next = this.bytes[start + m[0].length];
    if (next !== undefined && next >= 0x30 && next <= 0x39) this.fail('Invalid numeric value: Leading zeroes not allowed');
    if (next === 0x2e) this.fail("Unexpected character ('.'): Decimal point not followed by a digit");
    this.pos += m[0].length;
    return { kind: 'number', text: m[0], integer: m[2] === undefined && m[3] === undefined, loc };
  }

  peekTokenName(): string {
    const c = this.bytes[this.pos]!;
    if (c === 0x7b) return 'START_OBJECT';
    if (c === 0x5b) return 'START_ARRAY';
    const node = this.value(0);
    return node.kind === 'string' ? 'VALUE_STRING' : node.kind === 'number' ? 'VALUE_NUMBER' : node.kind === 'null' ? 'VALUE_NULL' : 'VALUE_BOOLEAN';
  }
}
