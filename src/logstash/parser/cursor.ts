import { ConfigError } from '../../sources/config-error.js';
import type { Position } from './ast.js';

/**
 * A position in the text being parsed, with the one thing every rule needs: skipping blanks
 * and `#` comments, and failing with file:line:col and what was expected there.
 */
export class Cursor {
  offset = 0;
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.lineStarts.push(i + 1);
  }

  get done(): boolean {
    return this.offset >= this.text.length;
  }

  peek(length = 1): string {
    return this.text.slice(this.offset, this.offset + length);
  }

  at(literal: string): boolean {
    return this.text.startsWith(literal, this.offset);
  }

  /** True when `word` is next and is not the start of a longer name (`if` vs `iffy`). */
  atWord(word: string): boolean {
    return this.at(word) && !/[A-Za-z0-9_-]/.test(this.text[this.offset + word.length] ?? '');
  }

  pos(offset = this.offset): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1, offset };
  }

  /** Skips whitespace and comments (a `#` to the end of its line). */
  skip(): void {
    while (!this.done) {
      const c = this.text[this.offset]!;
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') this.offset++;
      else if (c === '#') {
        const end = this.text.indexOf('\n', this.offset);
        this.offset = end === -1 ? this.text.length : end + 1;
      } else break;
    }
  }

  /** Consumes `literal` (after blanks) or fails saying it was expected. */
  expect(literal: string, context: string): Position {
    this.skip();
    if (!this.at(literal)) this.fail([`\`${literal}\``], context);
    const start = this.pos();
    this.offset += literal.length;
    return start;
  }

  /** What stands at the cursor, for messages: a word, a symbol, or the end of the file. */
  found(): string {
    if (this.done) return 'the end of the file';
    const word = /^[A-Za-z0-9_@-]+|^[^\sA-Za-z0-9_@-][^\s{}]{0,19}/.exec(this.text.slice(this.offset, this.offset + 40))?.[0] ?? this.peek();
    return `\`${word}\``;
  }

  fail(expected: readonly string[], context: string, at = this.offset): never {
    const { line, column } = this.pos(at);
    const what = expected.length === 1 ? expected[0]! : `one of ${expected.join(', ')}`;
    const saved = this.offset;
    this.offset = at;
    const found = this.found();
    this.offset = saved;
    throw new ConfigError(this.file, `syntax error: expected ${what} ${context}, found ${found}`, hintFor(expected), line, column);
  }
}

function hintFor(expected: readonly string[]): string {
  if (expected.includes('`=>`')) return 'a plugin option is written `name => value`';
  if (expected.some((e) => e.includes('`}`'))) return 'check that every `{` has its `}` and that options are `name => value` pairs';
  if (expected.some((e) => e.includes('value'))) return 'a value is a "string", a number, a bareword, an [array] or a { hash }';
  return 'compare with the Logstash config grammar: sections input/filter/output hold plugins and if/else branches';
}
