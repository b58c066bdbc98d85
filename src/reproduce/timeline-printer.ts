import { passes, type CompareOp } from '../thresholds/condition-tree.js';
import type { Evaluation, Timeline, TimelineCondition, TimelineEvent } from './timeline.js';

type Write = (line: string) => void;

/** A value in the unit its threshold is written in (`2.143s`, `6%`). */
export function formatValue(value: number | null, condition: TimelineCondition | undefined): string {
  if (value === null) return 'no value';
  const round = (v: number) => String(Number(v.toPrecision(4)));
  if (condition?.display.endsWith('%')) return `${round(value * 100)}%`;
  if (condition?.display.endsWith('s')) return `${round(value)}s`;
  return round(value);
}

/**
 * Prints a timeline as it grows, one line per evaluation whose value or state differs from the
 * last one printed (a run of equal evaluations is folded into one line), and each event (pending,
 * firing, delivered, resolved) where it happens. The live mode feeds it as it polls; the
 * simulated mode all at once.
 */
export class TimelinePrinter {
  private last?: { key: string; atMs: number; folded: number };

  constructor(
    private readonly write: Write,
    private readonly formatTime: (ms: number) => string,
  ) {}

  header(t: Pick<Timeline, 'boundary' | 'rule' | 'source' | 'mode' | 'modeReason' | 'clock'>): void {
    this.write(t.boundary);
    this.write(`  rule    ${t.rule.file}:${t.rule.line}  expr: ${t.rule.expr.replace(/\s+/g, ' ')}${t.rule.for ? `  for: ${t.rule.for}` : ''}`);
    this.write(`  plays   ${t.source}`);
    this.write(`  mode    ${t.mode} (${t.modeReason})`);
    this.write(`  clock   ${t.clock}`);
    this.write('');
  }

  evaluation(e: Evaluation, conditions: readonly TimelineCondition[]): void {
    const values = conditions.length
      ? e.values.map((v, i) => {
          const c = conditions[i]!;
          const met = v !== null && passes(v, c.op as CompareOp, c.threshold);
          return `${formatValue(v, c)} ${met ? c.op : 'vs'} ${c.display}`;
        })
      : e.values.map((v) => formatValue(v, undefined));
    const key = `${values.join('  ')}|${e.state}`;
    if (this.last?.key === key) {
      this.last.folded++;
      this.last.atMs = e.atMs;
      return;
    }
    this.flush();
    this.write(`${this.formatTime(e.atMs).padStart(9)}  ${values.join('   ').padEnd(34)}  ${e.state === 'firing' ? 'FIRING' : e.state}`);
    this.last = { key, atMs: e.atMs, folded: 0 };
  }

  event(e: TimelineEvent): void {
    this.flush();
    this.write(`${this.formatTime(e.atMs).padStart(9)}  ${marks[e.kind]} ${e.text}`);
  }

  /** Ends a folded run: `… the same for 19 more evaluations, to 5m`. */
  flush(): void {
    if (this.last && this.last.folded > 0)
      this.write(`${''.padStart(9)}  … the same for ${this.last.folded} more evaluation${this.last.folded === 1 ? '' : 's'}, to ${this.formatTime(this.last.atMs)}`);
    if (this.last) this.last.folded = 0;
  }

  /** A whole timeline, evaluations and events in time order (events after the evaluation they follow). */
  all(t: Timeline): void {
    this.header(t);
    const events = [...t.events];
    for (const e of t.evaluations) {
      while (events.length && events[0]!.atMs < e.atMs) this.event(events.shift()!);
      this.evaluation(e, t.conditions);
      while (events.length && events[0]!.atMs === e.atMs && ['pending', 'firing', 'resolved'].includes(events[0]!.kind)) this.event(events.shift()!);
    }
    for (const e of events) this.event(e);
    this.flush();
    for (const note of t.notes) this.write(`  note: ${note}`);
  }
}

const marks: Record<TimelineEvent['kind'], string> = { pending: '◔', firing: '●', delivered: '→', resolved: '○', 'resolve-delivered': '→' };
