import type { Attribute, HashEntry, PluginNode, Position, Value } from './ast.js';
import type { Cursor } from './cursor.js';

const nameChar = /[A-Za-z0-9_-]/;

/** `"..."` or `'...'`; a backslash before the quote does not end it (as in Logstash). */
export function parseString(c: Cursor): Extract<Value, { kind: 'string' }> {
  const pos = c.pos();
  const quote = c.peek() as '"' | "'";
  let i = c.offset + 1;
  while (i < c.text.length && c.text[i] !== quote) i += c.text[i] === '\\' && c.text[i + 1] === quote ? 2 : 1;
  if (i >= c.text.length) c.fail([`a closing ${quote}`], 'in a string that starts here', pos.offset);
  const value = c.text.slice(c.offset + 1, i);
  c.offset = i + 1;
  return { kind: 'string', value, quote, pos };
}

export function atString(c: Cursor): boolean {
  return c.peek() === '"' || c.peek() === "'";
}

/** `-`? digits (`.` digits*)? */
export function tryNumber(c: Cursor): Extract<Value, { kind: 'number' }> | undefined {
  const m = /^-?[0-9]+(?:\.[0-9]*)?/.exec(c.text.slice(c.offset, c.offset + 64));
  if (!m) return undefined;
  const pos = c.pos();
  c.offset += m[0].length;
  return { kind: 'number', value: Number(m[0]), raw: m[0], pos };
}

/** A bareword: a letter or `_`, then at least one more word character. */
export function tryBareword(c: Cursor): Extract<Value, { kind: 'bareword' }> | undefined {
  const m = /^[A-Za-z_][A-Za-z0-9_]+/.exec(c.text.slice(c.offset, c.offset + 256));
  if (!m) return undefined;
  const pos = c.pos();
  c.offset += m[0].length;
  return { kind: 'bareword', value: m[0], pos };
}

/** A plugin or option name: `[A-Za-z0-9_-]+` or a string. */
export function parseName(c: Cursor, what: string, context: string): { name: string; pos: Position } {
  c.skip();
  if (atString(c)) {
    const s = parseString(c);
    return { name: s.value, pos: s.pos };
  }
  const pos = c.pos();
  let end = c.offset;
  while (end < c.text.length && nameChar.test(c.text[end]!)) end++;
  if (end === c.offset) c.fail([what], context);
  const name = c.text.slice(c.offset, end);
  c.offset = end;
  return { name, pos };
}

/** `name { option => value ... }` */
export function parsePlugin(c: Cursor, context: string): PluginNode {
  const { name, pos } = parseName(c, 'a plugin name', context);
  c.expect('{', `after the plugin name "${name}"`);
  const attributes: Attribute[] = [];
  for (;;) {
    c.skip();
    if (c.at('}')) break;
    if (c.done) c.fail(['`}`'], `to close the plugin "${name}" opened at line ${pos.line}`);
    const option = parseName(c, 'an option name or `}`', `in the options of "${name}"`);
    c.expect('=>', `after the option "${option.name}" of "${name}"`);
    const value = parseValue(c, `for the option "${option.name}" of "${name}"`);
    attributes.push({ name: option.name, value, pos: option.pos });
    // Logstash's grammar wants blank space (or a comment) between two options.
    if (!/^[\s#}]/.test(c.peek() || '}')) c.fail(['a space or a line break', '`}`'], `after the value of "${option.name}"`);
  }
  c.offset++;
  return { type: 'plugin', name, attributes, pos };
}

/** A plugin (a codec), bareword, string, number, array or hash. */
export function parseValue(c: Cursor, context: string): Value {
  c.skip();
  const start = c.offset;
  if (atString(c) || nameChar.test(c.peek())) {
    // A name followed by `{` is a plugin (`codec => json_lines { ... }`).
    const saved = c.offset;
    try {
      parseName(c, 'a value', context);
      c.skip();
      if (c.at('{')) {
        c.offset = saved;
        const pos = c.pos();
        return { kind: 'plugin', plugin: parsePlugin(c, context), pos };
      }
    } catch {
      // not a name: fall through to the other kinds
    }
    c.offset = saved;
  }
  if (atString(c)) return parseString(c);
  const number = tryNumber(c);
  if (number) return number;
  const bareword = tryBareword(c);
  if (bareword) return bareword;
  if (c.at('[')) return parseArray(c, context);
  if (c.at('{')) return parseHash(c, context);
  return c.fail(['a value ("string", number, bareword, [array] or { hash })'], context, start);
}

function parseArray(c: Cursor, context: string): Value {
  const pos = c.pos();
  c.offset++;
  const items: Value[] = [];
  c.skip();
  if (!c.at(']')) {
    for (;;) {
      items.push(parseValue(c, `in the array ${context}`));
      c.skip();
      if (c.at(',')) {
        c.offset++;
        continue;
      }
      if (c.at(']')) break;
      c.fail(['`,`', '`]`'], `in the array ${context} opened at line ${pos.line}`);
    }
  }
  c.offset++;
  return { kind: 'array', items, pos };
}

function parseHash(c: Cursor, context: string): Value {
  const pos = c.pos();
  c.offset++;
  const entries: HashEntry[] = [];
  for (;;) {
    c.skip();
    if (c.at('}')) break;
    if (c.done) c.fail(['`}`'], `to close the hash ${context} opened at line ${pos.line}`);
    const key = atString(c) ? parseString(c) : (tryNumber(c) ?? tryBareword(c));
    if (!key) c.fail(['a hash key ("string", number or bareword)', '`}`'], `in the hash ${context}`);
    c.expect('=>', `after the hash key "${String(key.value)}"`);
    entries.push({ key, value: parseValue(c, `for the hash key "${String(key.value)}"`), pos: key.pos });
  }
  c.offset++;
  return { kind: 'hash', entries, pos };
}
