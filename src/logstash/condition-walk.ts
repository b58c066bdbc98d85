import type { Condition, Expression, PipelineConfig, RValue, Statement } from './parser/ast.js';

/** Every condition of a config, in source order (nested branches too). */
export function conditionsOf(config: PipelineConfig): Condition[] {
  const found: Condition[] = [];
  const visit = (body: readonly Statement[]) => {
    for (const s of body) {
      if (s.type !== 'branch') continue;
      for (const clause of s.clauses) {
        if (clause.condition) found.push(clause.condition);
        visit(clause.body);
      }
    }
  };
  for (const section of config.sections) visit(section.body);
  return found;
}

/** Every value a condition reads or compares, nested groups and lists included. */
export function rvaluesOf(condition: Condition): RValue[] {
  return condition.operands.flatMap(expressionValues);
}

function expressionValues(e: Expression): RValue[] {
  switch (e.kind) {
    case 'group':
      return rvaluesOf(e.condition);
    case 'not':
      return 'operands' in e.operand ? rvaluesOf(e.operand) : flatten(e.operand);
    case 'in':
      return [...flatten(e.left), ...flatten(e.right)];
    case 'compare':
      return [...flatten(e.left), ...flatten(e.right)];
    case 'match':
      return [...flatten(e.left), ...flatten(e.pattern)];
    case 'truthy':
      return flatten(e.value);
  }
}

function flatten(v: RValue): RValue[] {
  if (v.kind === 'list') return [v, ...v.items.flatMap(flatten)];
  if (v.kind === 'call') return [v, ...v.args.flatMap(flatten)];
  return [v];
}

/** The pattern of every `=~` / `!~` in a condition: a /regexp/ or a "string" used as one. */
export function matchPatternsOf(condition: Condition): RValue[] {
  const visit = (e: Expression): RValue[] => {
    if (e.kind === 'match') return [e.pattern];
    if (e.kind === 'group') return e.condition.operands.flatMap(visit);
    if (e.kind === 'not' && 'operands' in e.operand) return e.operand.operands.flatMap(visit);
    return [];
  };
  return condition.operands.flatMap(visit);
}
