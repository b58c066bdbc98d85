import type { BooleanOperator, Condition, Expression, Position, RValue } from '../parser/ast.js';
import { RubyRegex } from '../ruby-regex.js';
import { compareValues, isTruthy, javaEquals, rubyEquals } from './condition-ops.js';
import { compileIn, type Operand } from './condition-in.js';
import { javaStoredToString } from './java-text.js';
import { PipelineLoadError, WorkerCrash, whereOf } from './engine-errors.js';
import type { Event } from './event.js';
import type { LsValue } from './value.js';

export type CompiledCondition = (event: Event) => boolean;
type Onig = Parameters<typeof RubyRegex.compile>[0];

/**
 * Compiles a condition as Logstash 8.17.4 does: lscl.rb's Condition#expr (the shunting yard of
 * compiler/lscl.rb:341-413, with its quirks: `and` binds tighter than `or`, only ONE operator is
 * popped per step, equal precedence associates to the right, and `xor`/`nand` are rejected)
 * then EventCondition.Compiler (EventCondition.java) for what each expression means.
 */
export function compileCondition(condition: Condition, file: string, text: string, onig: Onig): CompiledCondition {
  const c = new ConditionCompiler(file, text, onig);
  return c.condition(condition);
}

class ConditionCompiler {
  constructor(
    readonly file: string,
    readonly text: string,
    readonly onig: Onig,
  ) {}

  condition(condition: Condition): CompiledCondition {
    return this.asCondition(this.join(condition), condition.pos);
  }

  private join(condition: Condition): Operand {
    const { operands, operators } = condition;
    if (operands.length === 1) return this.expression(operands[0]!);
    const precedence = (op: BooleanOperator): number => {
      if (op === 'and') return 2;
      if (op === 'or') return 1;
      throw new PipelineLoadError(
        whereOf(this.file, condition.pos),
        `Logstash rejects \`${op}\` combined with other operators: lscl.rb's precedence() raises ArgumentError "Unexpected operator" for it`,
        'use and/or with parentheses',
      );
    };
    // lscl.rb:380-395: the output queue in reverse Polish order.
    const out: (Operand | BooleanOperator)[] = [];
    const stack: BooleanOperator[] = [];
    operands.forEach((operand, i) => {
      if (i > 0) {
        const op = operators[i - 1]!;
        const last = stack[stack.length - 1];
        if (last && precedence(last) > precedence(op)) out.push(stack.pop()!);
        stack.push(op);
      }
      out.push(this.expression(operand));
    });
    out.push(...stack.reverse());
    const values: Operand[] = [];
    for (const item of out) {
      if (typeof item !== 'string') {
        values.push(item);
        continue;
      }
      const right = values.pop()!;
      const left = values.pop()!;
      values.push({ cond: this.booleanCondition(item, left, right, condition.pos) });
    }
    return values[0]!;
  }

  // EventCondition.java:97-127: only and/or; each side a condition or a field (truthy).
  private booleanCondition(op: BooleanOperator, left: Operand, right: Operand, pos: Position): CompiledCondition {
    if (op !== 'and' && op !== 'or') {
      throw new PipelineLoadError(
        whereOf(this.file, pos),
        `Logstash cannot compile \`${op}\`: EventCondition.Compiler has no ${op === 'xor' ? 'Xor' : 'Nand'} (UnexpectedTypeException at pipeline start)`,
        'write it with and/or/!',
      );
    }
    const first = this.asCondition(left, pos);
    const second = this.asCondition(right, pos);
    return op === 'and' ? (e) => first(e) && second(e) : (e) => first(e) || second(e);
  }

  private asCondition(operand: Operand, pos: Position): CompiledCondition {
    if ('cond' in operand) return operand.cond;
    if ('field' in operand) {
      const field = operand.field;
      return (e) => isTruthy(e.peek(field));
    }
    throw new PipelineLoadError(
      whereOf(this.file, pos),
      `Logstash cannot use the constant ${JSON.stringify(javaStoredToString(operand.value))} as a condition (UnexpectedTypeException)`,
      'compare it with a field',
    );
  }

  private expression(e: Expression): Operand {
    switch (e.kind) {
      case 'group':
        return this.join(e.condition);
      case 'truthy':
        return this.rvalue(e.value);
      case 'not': {
        const inner = 'operands' in e.operand ? this.asCondition(this.join(e.operand), e.pos) : this.asCondition(this.rvalue(e.operand), e.pos);
        return { cond: (ev) => !inner(ev) };
      }
      case 'match':
        return { cond: this.match(e.left, e.pattern, e.negated, e.pos) };
      case 'compare':
        return { cond: this.compare(e.operator, e.left, e.right, e.pos) };
      case 'in': {
        const inner = compileIn(this.rvalue(e.left), this.rvalue(e.right), whereOf(this.file, e.pos));
        return { cond: e.negated ? (ev) => !inner(ev) : inner };
      }
    }
  }

  private rvalue(v: RValue): Operand {
    switch (v.kind) {
      case 'field':
        return { field: v.text };
      case 'string':
        return { value: v.value };
      case 'number': {
        const raw = /^-?\d+(?:\.\d*)?/.exec(this.text.slice(v.pos.offset, v.pos.offset + 64))![0];
        return { value: raw.includes('.') ? Number(raw) : BigInt(raw) };
      }
      case 'regexp':
        return { value: v.source, regex: v.source };
      case 'list':
        return { value: v.items.map((item) => (this.rvalue(item) as { value: LsValue }).value ?? null) };
      case 'call':
        throw new PipelineLoadError(whereOf(this.file, v.pos), `method call ${v.method}() in a condition: Logstash's compiler does not implement it (lscl.rb MethodCall)`);
    }
  }

  // EventCondition.java:160-177, 408-445: a field must hold a string to match; `!~` is not(=~).
  private match(left: RValue, pattern: RValue, negated: boolean, pos: Position): CompiledCondition {
    const source = pattern.kind === 'regexp' ? pattern.source : pattern.kind === 'string' ? pattern.value : '';
    let regex: RubyRegex;
    try {
      regex = RubyRegex.compile(this.onig, source);
    } catch (error) {
      throw new PipelineLoadError(whereOf(this.file, pattern.pos), `invalid regular expression /${source}/: ${(error as Error).message}`);
    }
    const l = this.rvalue(left);
    let test: CompiledCondition;
    if ('field' in l) {
      const field = l.field;
      test = (e) => {
        const value = e.peek(field);
        return typeof value === 'string' && regex.test(value);
      };
    } else if ('value' in l) {
      const constant = typeof l.value === 'string' && regex.test(l.value);
      test = () => constant;
    } else throw new PipelineLoadError(whereOf(this.file, pos), 'a regular expression match needs a field or a constant on its left');
    return negated ? (e) => !test(e) : test;
  }

  // EventCondition.java:179-227, 303-362.
  private compare(op: string, left: RValue, right: RValue, pos: Position): CompiledCondition {
    const l = this.rvalue(left);
    const r = this.rvalue(right);
    const where = whereOf(this.file, pos);
    const read = (o: Operand, e: Event) => ('field' in o ? e.peek(o.field) : (o as { value: LsValue }).value);
    if (op === '==' || op === '!=') {
      let eq: CompiledCondition;
      if ('field' in l && 'field' in r) eq = (e) => javaEquals(e.peek(l.field), e.peek(r.field));
      else if ('field' in l || 'field' in r) {
        const field = 'field' in l ? l.field : (r as { field: string }).field;
        const constant = ('field' in l ? r : l) as { value: LsValue };
        // rubyFieldEquals: the constant Rubyfied, then RubyString/RubyFixnum/RubyArray#equals.
        eq = Array.isArray(constant.value) ? (e) => rubyEquals(constant.value, e.peek(field) ?? null) : (e) => javaEquals(constant.value, e.peek(field) ?? null);
      } else {
        const same = javaEquals((l as { value: LsValue }).value, (r as { value: LsValue }).value);
        eq = () => same;
      }
      return op === '==' ? eq : (e) => !eq(e);
    }
    const test = { '<': (c: number) => c < 0, '<=': (c: number) => c <= 0, '>': (c: number) => c > 0, '>=': (c: number) => c >= 0 }[op as '<']!;
    // vAndE: the field goes left and the operator turns around (the "converse").
    const swap = !('field' in l) && 'field' in r;
    return (e) => {
      const c = swap ? compareValues(read(r, e), read(l, e)) : compareValues(read(l, e), read(r, e));
      if (typeof c !== 'number') throw new WorkerCrash(where, c.error);
      return test(swap ? -c : c);
    };
  }
}
