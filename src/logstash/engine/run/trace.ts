import type { Event } from '../event.js';
import type { FilterStage } from '../filter-stage.js';
import { dumpJrJackson } from '../json-dump.js';
import type { StageObserver } from '../pipeline/filter-tree.js';
import { isMap, type LsValue } from '../value.js';

export interface TraceStep {
  stage: string;
  where: string;
  /** The event after the stage, [@metadata] included, as JSON. */
  json: string;
  /** A copy of the event's fields after the stage (for diffs). */
  fields: LsValue;
  script?: string;
}

/** Records, per event (by its place in the input), the event after each filter it went through. */
export class TraceRecorder {
  readonly steps = new Map<number, TraceStep[]>();

  readonly observe: StageObserver = (stage: FilterStage, events: readonly Event[]) => {
    for (const event of events) {
      const fields = event.toHashWithMetadata();
      const list = this.steps.get(event.seq) ?? [];
      list.push({ stage: `${stage.name}${stage.id ? ` ${stage.id}` : ''}`, where: stage.where, json: dumpJrJackson(fields), fields, script: stage.script });
      this.steps.set(event.seq, list);
    }
  };

  /** The leaves a script filter (the redaction script) changed, with what they became. */
  redactions(seq: number): { path: string; now: string; by: string }[] {
    const steps = this.steps.get(seq) ?? [];
    const out: { path: string; now: string; by: string }[] = [];
    steps.forEach((step, i) => {
      if (!step.script || i === 0) return;
      for (const path of changedLeaves(steps[i - 1]!.fields, step.fields)) out.push({ path, now: JSON.stringify(leafAt(step.fields, path) ?? null), by: `${step.stage} (${step.where})` });
    });
    return out;
  }
}

/** `[a][b]` paths of the leaves that differ (or appear) from `before` to `after`. */
export function changedLeaves(before: LsValue | undefined, after: LsValue | undefined, path = ''): string[] {
  if (isMap(after) && isMap(before)) return Object.keys(after).flatMap((k) => changedLeaves(before[k], after[k], `${path}[${k}]`));
  if (Array.isArray(after) && Array.isArray(before)) return after.flatMap((v, i) => changedLeaves(before[i], v, `${path}[${i}]`));
  return dumpJrJackson(before === undefined ? null : before) === dumpJrJackson(after === undefined ? null : after) && before !== undefined ? [] : [path];
}

function leafAt(value: LsValue, path: string): LsValue | undefined {
  let node: LsValue | undefined = value;
  for (const m of path.matchAll(/\[([^\]]*)\]/g)) {
    if (Array.isArray(node)) node = node[Number(m[1])];
    else if (isMap(node)) node = node[m[1]!];
    else return undefined;
  }
  return node;
}
