import { parseDuration } from '../../prometheus-rules/duration.js';

/** A sample of injected history, `offsetMs` from the moment of injection (negative: the past). */
export interface HistorySample {
  offsetMs: number;
  value: number;
}

/** A segment as written, each field already checked for its own syntax. */
export interface SegmentTimes {
  fromMs: number;
  toMs: number;
  stepMs: number;
}

/** Which field of a segment is wrong, why, and what to write instead. */
export class NotationError extends Error {
  constructor(
    readonly field: 'from' | 'to' | 'step' | 'values',
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'NotationError';
  }
}

/** Samples one segment may hold: beyond this, a coarser step says the same at a fraction of the cost. */
export const maxSamplesPerSegment = 20_000;

const number = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;
const unsigned = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?`;
const valueToken = new RegExp(String.raw`^(last|${number})(?:([+-])(${unsigned}))?(?:x(\d+))?$`);
const gapToken = /^_(?:x(\d+))?$/;

/** `-30d`, `+3m`, `now` or `0`: milliseconds from the moment of injection; undefined when not an offset. */
export function parseOffset(text: string | number): number | undefined {
  if (text === 0 || text === '0' || text === 'now') return 0;
  if (typeof text !== 'string') return undefined;
  const match = /^([+-])(.+)$/.exec(text);
  const ms = match ? parseDuration(match[2]!) : undefined;
  if (!match || ms === undefined || ms === 0) return undefined;
  return match[1] === '-' ? -ms : ms;
}

/**
 * Expands a segment's `values` into samples, one every `stepMs` from `fromMs` up to (not
 * including) `toMs`. The notation is promtool's (`a+bxn` is n+1 samples a, a+b, ... a+n·b;
 * `axn` repeats a; `_` and `_xn` leave gaps) with two additions for long histories:
 * - `last` stands for the last value before it (in a later segment: where the series' previous
 *   segment ended), so a counter continues across a change of step without anyone computing
 *   where it got to;
 * - the last token may leave out its count (`0`, `last+150`): it then runs to the segment's end;
 * - a group repeats: `(10 10 5)x2` is the group 3 times, as `10x2` is 3 samples (a gauge that
 *   flaps for minutes, one low reading in three, without a line of 600 numbers).
 * When every token has a count, together they must fill the segment exactly.
 */
export function expandSegment(times: SegmentTimes, values: string, previous: number | undefined): HistorySample[] {
  const { fromMs, toMs, stepMs } = times;
  const slots = Math.ceil((toMs - fromMs) / stepMs);
  if (slots > maxSamplesPerSegment) {
    throw new NotationError(
      'step',
      `from ${fromMs} ms to ${toMs} ms every ${stepMs} ms is ${slots} samples, more than ${maxSamplesPerSegment}`,
      'use a longer step for the distant past (rates over long windows need few samples) and a short one only near now',
    );
  }
  const tokens = expandGroups(values).trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) throw new NotationError('values', 'values are empty', 'write promtool notation, e.g. 0+150 or 1x40');
  const out: (number | undefined)[] = [];
  tokens.forEach((token, i) => {
    const open = i === tokens.length - 1;
    const gap = gapToken.exec(token);
    if (gap) {
      out.push(...Array<undefined>(gap[1] === undefined ? 1 : Number(gap[1])).fill(undefined));
      return;
    }
    const parts = valueToken.exec(token);
    if (!parts) throw new NotationError('values', `"${token}" is not a value token`, 'tokens are a, a+bxn, a-bxn, axn (a may be `last`), _ or _xn; the last token may leave out xn to run to the end');
    const [, startText, sign, stepText, countText] = parts;
    let start: number;
    if (startText === 'last') {
      if (previous === undefined)
        throw new NotationError('values', '`last` has no previous segment to continue from', 'write a number in the first segment of a series; `last` continues the segment before');
      start = previous;
    } else start = Number(startText);
    const increment = stepText === undefined ? 0 : (sign === '-' ? -1 : 1) * Number(stepText);
    let count: number;
    if (countText !== undefined) count = Number(countText) + 1;
    else if (open) count = slots - out.length;
    else if (stepText !== undefined)
      throw new NotationError('values', `"${token}" needs a count (x<n>) unless it is the last token`, `write ${token}x<n> for n+1 samples, or put it last to run to the end of the segment`);
    else count = 1;
    if (count < 1)
      throw new NotationError('values', `no room is left for "${token}": the tokens before it fill all ${slots} samples of the segment`, 'shorten the tokens before it, or move `to` later');
    for (let k = 0; k < count; k++) out.push(start + k * increment);
    const lastDefined = out.filter((v) => v !== undefined).at(-1);
    if (lastDefined !== undefined) previous = lastDefined;
  });
  if (out.length !== slots) {
    throw new NotationError('values', `the values give ${out.length} samples, but from..to every step holds ${slots}`, "leave out the last token's count (xn) to fill the segment, or fix the counts");
  }
  return out.flatMap((value, k) => (value === undefined ? [] : [{ offsetMs: fromMs + k * stepMs, value }]));
}

const group = /\(([^()]*)\)(x(\d+))?/g;

/** `(a b)xn` written out: the tokens a b, n+1 times. Groups do not nest. */
function expandGroups(values: string): string {
  const expanded = values.replace(group, (whole, inner: string, counted: string | undefined, count: string | undefined) => {
    if (counted === undefined) throw new NotationError('values', `"${whole}" has no count`, 'write (a b)xn for the group n+1 times');
    return ` ${Array<string>(Number(count) + 1)
      .fill(inner.trim())
      .join(' ')} `;
  });
  if (/[()]/.test(expanded)) throw new NotationError('values', `"${values}" has unbalanced parentheses (or a group inside a group)`, 'write a group as (a b c)xn, one level deep');
  return expanded;
}
