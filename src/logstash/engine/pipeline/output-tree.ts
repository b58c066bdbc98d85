import type { Statement } from '../../parser/ast.js';
import type { CompiledCondition } from '../condition-compile.js';
import type { Event } from '../event.js';
import type { Delivery, OutputStage } from '../outputs/output-api.js';

export type OutputNode = { kind: 'output'; output: OutputStage } | { kind: 'branch'; clauses: { test?: CompiledCondition; body: OutputNode[]; where: string }[] };

export function compileOutputTree(
  body: readonly Statement[],
  output: (node: Extract<Statement, { type: 'plugin' }>) => OutputStage,
  condition: (c: NonNullable<Extract<Statement, { type: 'branch' }>['clauses'][number]['condition']>) => CompiledCondition,
  file: string,
): OutputNode[] {
  return body.map((statement): OutputNode => {
    if (statement.type === 'plugin') return { kind: 'output', output: output(statement) };
    return {
      kind: 'branch',
      clauses: statement.clauses.map((c) => ({ test: c.condition ? condition(c.condition) : undefined, body: compileOutputTree(c.body, output, condition, file), where: `${file}:${c.pos.line}` })),
    };
  });
}

/** Every output the event reaches, in config order, with what each would send or print. */
export function routeEvent(nodes: readonly OutputNode[], event: Event, taken?: (where: string) => void): Delivery[] {
  const deliveries: Delivery[] = [];
  for (const node of nodes) {
    if (node.kind === 'output') {
      deliveries.push(node.output.receive(event));
      continue;
    }
    const clause = node.clauses.find((c) => !c.test || c.test(event));
    if (!clause) continue;
    taken?.(clause.where);
    deliveries.push(...routeEvent(clause.body, event, taken));
  }
  return deliveries;
}
