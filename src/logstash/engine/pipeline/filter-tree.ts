import type { Statement } from '../../parser/ast.js';
import type { CompiledCondition } from '../condition-compile.js';
import type { Event } from '../event.js';
import type { FilterStage } from '../filter-stage.js';

/** The filter section compiled: stages and branches with their compiled conditions. */
export type FilterNode = { kind: 'stage'; stage: FilterStage } | { kind: 'branch'; clauses: { test?: CompiledCondition; body: FilterNode[]; where: string }[] };

export async function compileFilterTree(
  body: readonly Statement[],
  stage: (node: Extract<Statement, { type: 'plugin' }>) => Promise<FilterStage>,
  condition: (c: NonNullable<Extract<Statement, { type: 'branch' }>['clauses'][number]['condition']>) => CompiledCondition,
  file: string,
): Promise<FilterNode[]> {
  const nodes: FilterNode[] = [];
  for (const statement of body) {
    if (statement.type === 'plugin') nodes.push({ kind: 'stage', stage: await stage(statement) });
    else {
      const clauses = [];
      for (const clause of statement.clauses)
        clauses.push({ test: clause.condition ? condition(clause.condition) : undefined, body: await compileFilterTree(clause.body, stage, condition, file), where: `${file}:${clause.pos.line}` });
      nodes.push({ kind: 'branch', clauses });
    }
  }
  return nodes;
}

/** Called after each stage with the events that went through it (for --trace). */
export type StageObserver = (stage: FilterStage, events: readonly Event[]) => void;

/**
 * Runs a batch through the filter section as Logstash's compiled pipeline does: each filter
 * gets the events that reach it; an if/else if/else sends each event to the first clause whose
 * condition holds (evaluated in order, per event); events a filter adds continue after it;
 * cancelled events stop where they were cancelled.
 */
export async function runFilterTree(nodes: readonly FilterNode[], events: Event[], observe?: StageObserver, taken?: (where: string) => void): Promise<Event[]> {
  let current = events;
  for (const node of nodes) {
    if (node.kind === 'stage') {
      current = await node.stage.run(current);
      observe?.(node.stage, current);
      continue;
    }
    const buckets: Event[][] = node.clauses.map(() => []);
    const untouched: Event[] = [];
    for (const event of current) {
      const i = node.clauses.findIndex((c) => !c.test || c.test(event));
      (i === -1 ? untouched : buckets[i]!).push(event);
    }
    const next = [...untouched];
    for (let i = 0; i < node.clauses.length; i++) {
      if (buckets[i]!.length === 0) continue;
      taken?.(node.clauses[i]!.where);
      next.push(...(await runFilterTree(node.clauses[i]!.body, buckets[i]!, observe, taken)));
    }
    current = next;
  }
  return current;
}
