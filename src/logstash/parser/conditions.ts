import type { BooleanOperator, CompareOperator, Condition, Expression, RValue } from './ast.js';
import type { Cursor } from './cursor.js';
import { atString, parseString, tryBareword, tryNumber } from './values.js';

const booleanOperators: readonly BooleanOperator[] = ['nand', 'and', 'xor', 'or'];
const compareOperators: readonly CompareOperator[] = ['==', '!=', '<=', '>=', '<', '>'];

/** expression (and | or | xor | nand expression)* — up to the `{` of the branch body. */
export function parseCondition(c: Cursor): Condition {
  c.skip();
  const pos = c.pos();
  const operands: Expression[] = [parseExpression(c)];
  const operators: BooleanOperator[] = [];
  let end = c.offset;
  for (;;) {
    c.skip();
    const op = booleanOperators.find((o) => c.atWord(o));
    if (!op) break;
    c.offset += op.length;
    operators.push(op);
    operands.push(parseExpression(c));
    end = c.offset;
  }
  return { text: c.text.slice(pos.offset, end).trimEnd(), operands, operators, pos };
}

function parseExpression(c: Cursor): Expression {
  c.skip();
  const pos = c.pos();
  if (c.at('(')) {
    c.offset++;
    const condition = parseCondition(c);
    c.expect(')', `to close the \`(\` at line ${pos.line}:${pos.column}`);
    return { kind: 'group', condition, pos };
  }
  if (c.at('!') && !c.at('!=') && !c.at('!~')) {
    c.offset++;
    c.skip();
    if (c.at('(')) {
      const open = c.pos();
      c.offset++;
      const condition = parseCondition(c);
      c.expect(')', `to close the \`(\` at line ${open.line}:${open.column}`);
      return { kind: 'not', operand: condition, pos };
    }
    if (!c.at('[')) c.fail(['`(`', 'a field reference like [field]'], 'after `!`');
    return { kind: 'not', operand: parseRValue(c), pos };
  }
  const left = parseRValue(c);
  c.skip();
  if (c.atWord('in')) {
    c.offset += 2;
    return { kind: 'in', negated: false, left, right: parseRValue(c), pos };
  }
  if (c.at('not ')) {
    c.offset += 4;
    c.skip();
    if (!c.atWord('in')) c.fail(['`in`'], 'after `not`');
    c.offset += 2;
    return { kind: 'in', negated: true, left, right: parseRValue(c), pos };
  }
  if (c.at('=~') || c.at('!~')) {
    const negated = c.at('!~');
    c.offset += 2;
    c.skip();
    if (!atString(c) && !c.at('/')) c.fail(['a /regexp/', 'a "string"'], `after \`${negated ? '!~' : '=~'}\``);
    return { kind: 'match', negated, left, pattern: parseRValue(c), pos };
  }
  const operator = compareOperators.find((o) => c.at(o));
  if (operator) {
    c.offset += operator.length;
    return { kind: 'compare', operator, left, right: parseRValue(c), pos };
  }
  return { kind: 'truthy', value: left, pos };
}

/** string / number / [field][ref] / [list] / method(args) / /regexp/ */
export function parseRValue(c: Cursor): RValue {
  c.skip();
  const pos = c.pos();
  if (atString(c)) {
    const s = parseString(c);
    return { kind: 'string', value: s.value, pos };
  }
  const number = tryNumber(c);
  if (number) return { kind: 'number', value: number.value, pos };
  if (c.at('[')) return tryFieldReference(c) ?? parseList(c);
  if (c.at('/')) return parseRegexp(c);
  const method = tryBareword(c);
  if (method) {
    c.skip();
    if (!c.at('(')) c.fail(['`(`'], `after "${method.value}" (a bare name in a condition is a method call; a field is written [${method.value}])`);
    c.offset++;
    const args: RValue[] = [];
    c.skip();
    while (!c.at(')')) {
      args.push(parseRValue(c));
      c.skip();
      if (c.at(',')) c.offset++;
      else if (!c.at(')')) c.fail(['`,`', '`)`'], `in the arguments of ${method.value}()`);
      c.skip();
    }
    c.offset++;
    return { kind: 'call', method: method.value, args, pos };
  }
  return c.fail(['a field reference like [field]', 'a "string"', 'a number', 'a /regexp/', 'a [list]', '`(`', '`!`'], 'in a condition');
}

/** `[a][b]`: no blanks, no commas, no nested brackets inside an element (Logstash's selector). */
function tryFieldReference(c: Cursor): RValue | undefined {
  const m = /^(?:\[[^\][,]+\])+/.exec(c.text.slice(c.offset, c.offset + 1024));
  if (!m) return undefined;
  const pos = c.pos();
  c.offset += m[0].length;
  const path = [...m[0].matchAll(/\[([^\][,]+)\]/g)].map((p) => p[1]!);
  return { kind: 'field', path, text: m[0], pos };
}

function parseList(c: Cursor): RValue {
  const pos = c.pos();
  c.offset++;
  const items: RValue[] = [];
  c.skip();
  while (!c.at(']')) {
    const bare = tryBareword(c);
    items.push(bare ? { kind: 'string', value: bare.value, pos: bare.pos } : parseRValue(c));
    c.skip();
    if (c.at(',')) c.offset++;
    else if (!c.at(']')) c.fail(['`,`', '`]`'], `in the list opened at line ${pos.line}:${pos.column}`);
    c.skip();
  }
  c.offset++;
  return { kind: 'list', items, pos };
}

function parseRegexp(c: Cursor): RValue {
  const pos = c.pos();
  let i = c.offset + 1;
  while (i < c.text.length && c.text[i] !== '/') i += c.text[i] === '\\' && c.text[i + 1] === '/' ? 2 : 1;
  if (c.text[i] !== '/') c.fail(['a closing `/`'], 'in a regular expression that starts here', pos.offset);
  const source = c.text.slice(c.offset + 1, i);
  c.offset = i + 1;
  return { kind: 'regexp', source, pos };
}
