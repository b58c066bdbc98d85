import type { Loc } from './json-node.js';
import { JsonSyntaxError } from './json-syntax-error.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Position keeping over the request bytes, as Jackson's UTF8StreamJsonParser does it (rows
 * counted at \n, \r\n and \r; columns in bytes), with whitespace and comment skipping and
 * string decoding.
 */
export class ByteCursor {
  pos = 0;
  protected line = 1;
  protected lineStart = 0;
  constructor(readonly bytes: Uint8Array) {}

  loc(at = this.pos): Loc {
    return { line: this.line, column: at - this.lineStart + 1 };
  }

  fail(message: string, at = this.pos): never {
    throw new JsonSyntaxError(this.loc(at), message);
  }

  skipSpace(): void {
    const b = this.bytes;
    for (;;) {
      const c = b[this.pos];
      if (c === 0x20 || c === 0x09) this.pos++;
      else if (c === 0x0a || c === 0x0d) {
        this.pos += c === 0x0d && b[this.pos + 1] === 0x0a ? 2 : 1;
        this.line++;
        this.lineStart = this.pos;
      } else if (c === 0x2f && b[this.pos + 1] === 0x2a) {
        const end = Buffer.from(b.buffer, b.byteOffset, b.length).indexOf('*/', this.pos + 2);
        if (end < 0) this.fail('Unexpected end-of-input in a comment');
        for (let i = this.pos; i < end; i++) if (b[i] === 0x0a) this.line++, (this.lineStart = i + 1);
        this.pos = end + 2;
      } else if (c === 0x2f && b[this.pos + 1] === 0x2f) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else if (c === 0x2f) this.fail("Unexpected character ('/' (code 47)): maybe a (non-standard) comment?");
      else return;
    }
  }

  protected ascii(from: number, max: number): string {
    let s = '';
    for (let i = from; i < this.bytes.length && i < from + max && this.bytes[i]! < 0x80; i++) s += String.fromCharCode(this.bytes[i]!);
    return s;
  }

  protected string(): string {
    const b = this.bytes;
    let out = '';
    let run = ++this.pos;
    for (;;) {
      const c = b[this.pos];
      if (c === undefined) this.fail('Unexpected end-of-input: was expecting closing quote for a string value');
      if (c === 0x22 || c === 0x5c) {
        out += this.decode(run, this.pos);
        if (c === 0x22) return (this.pos++, out);
        out += this.escape();
        run = this.pos;
      } else if (c < 0x20) this.fail(`Illegal unquoted character ((CTRL-CHAR, code ${c})): has to be escaped using backslash to be included in string value`);
      else this.pos++;
    }
  }

  private decode(from: number, to: number): string {
    try {
      return decoder.decode(this.bytes.subarray(from, to));
    } catch {
      return this.fail('Invalid UTF-8 in string value', from);
    }
  }

  private escape(): string {
    const c = this.bytes[++this.pos];
    this.pos++;
    const simple: Record<number, string> = { 0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t' };
    if (c !== undefined && simple[c] !== undefined) return simple[c];
    if (c === 0x75) {
      const hex = this.ascii(this.pos, 4);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Unexpected character: expected a hex-digit for character escape sequence');
      this.pos += 4;
      return String.fromCharCode(parseInt(hex, 16));
    }
    return this.fail(`Unrecognized character escape '${String.fromCharCode(c ?? 0)}' (code ${c ?? -1})`, this.pos - 1);
  }
}
