import { ConfigError } from '../../sources/config-error.js';
import type { YamlFile, YamlPath } from '../../sources/yaml-file.js';
import { parseDuration } from '../../prometheus-rules/duration.js';
import { nearestName } from '../../sources/nearest-name.js';
import { expandSegment, NotationError, parseOffset, type HistorySample } from './history-notation.js';
import type { InjectedSeries } from './incident.js';
import type { IncidentContext } from './incident-context.js';
import type { RawSeries } from './incident-schema.js';
import { parseSeries, SelectorError } from './series-selector.js';

/**
 * How far back history may reach. The incident Prometheus accepts samples up to its
 * out-of-order window (historyWindow, one day more) behind the newest one it holds.
 */
export const maxHistoryAgeMs = 30 * 24 * 3600_000;
export const historyWindow = '31d';

/**
 * Reads an incident's `history:`, each problem at its line: the series (a known metric or
 * recording rule, a scrape job of prometheus.yml, labels the contract gives it), its segments
 * (offsets, steps, notation, in order without overlap, no older than maxHistoryAgeMs), and
 * counters that never fall (rate() would read a fall as a restart and count it as traffic).
 */
export function readHistory(yaml: YamlFile, raw: readonly RawSeries[], context: IncidentContext): InjectedSeries[] {
  const seen = new Map<string, number>();
  return raw.map((entry, i) => {
    const at: YamlPath = ['history', i];
    const line = yaml.lineOf([...at, 'series']) ?? 1;
    const fail = (message: string, hint: string, path: YamlPath = [...at, 'series']) => new ConfigError(yaml.file, message, hint, yaml.lineOf(path) ?? line);
    let parsed;
    try {
      parsed = parseSeries(entry.series);
    } catch (error) {
      if (error instanceof SelectorError) throw fail(error.message, error.hint);
      throw error;
    }
    const known = context.series.get(parsed.name);
    if (!known) {
      const guess = nearestName(parsed.name, [...context.series.keys()]);
      throw fail(
        `${parsed.name} is neither a metric of the metrics contract nor a recording rule${guess ? `; did you mean ${guess}?` : ''}`,
        'inject only series the rules can read: metrics of monitoring/metrics-contract.yml or recording rules',
      );
    }
    const job = parsed.labels.job;
    if (job === undefined || !context.jobs.includes(job)) {
      throw fail(
        `${entry.series} has ${job === undefined ? 'no job label' : `job="${job}", not a scrape job of prometheus.yml`}`,
        `every rule selects or groups by job: use one of ${context.jobs.join(', ')}`,
      );
    }
    if (known.labels) {
      const unknown = Object.keys(parsed.labels).filter((l) => l !== 'job' && l !== 'instance' && !known.labels!.includes(l));
      if (unknown.length)
        throw fail(
          `${parsed.name} has no label ${unknown.join(', ')} (${known.where} gives it ${[...known.labels, 'job', 'instance'].join(', ')})`,
          'use the labels the metric really has: a rule filtering on a label the series lacks would never see it',
        );
    }
    const key = JSON.stringify(Object.entries({ __name__: parsed.name, ...parsed.labels }).sort());
    if (seen.has(key)) throw fail(`${entry.series} is injected twice (first at line ${seen.get(key)})`, 'give a series one entry, with several segments if its step changes');
    seen.set(key, line);

    const samples: HistorySample[] = [];
    let endMs = -Infinity;
    entry.segments.forEach((segment, j) => {
      const segmentAt: YamlPath = [...at, 'segments', j];
      const segmentFail = (field: string, message: string, hint: string) => fail(message, hint, [...segmentAt, field]);
      const fromMs = parseOffset(segment.from);
      const toMs = parseOffset(segment.to);
      const stepMs = parseDuration(segment.step);
      if (fromMs === undefined) throw segmentFail('from', `from: ${segment.from} is not an offset from the injection`, 'write -30d (the past), +3m (the future) or now');
      if (toMs === undefined) throw segmentFail('to', `to: ${segment.to} is not an offset from the injection`, 'write -30d (the past), +3m (the future) or now');
      if (!stepMs) throw segmentFail('step', `step: ${segment.step} is not a duration above zero`, 'write 15s, 1m or 1h');
      if (toMs <= fromMs) throw segmentFail('to', `to: ${segment.to} is not after from: ${segment.from}`, 'a segment runs from `from` up to, not including, `to`');
      if (fromMs < -maxHistoryAgeMs)
        throw segmentFail('from', `from: ${segment.from} is older than 30d`, `the incident Prometheus accepts history up to its out-of-order window (${historyWindow}); 30 days is all any rule reads`);
      if (fromMs < endMs) throw segmentFail('from', `from: ${segment.from} overlaps the segment before, which runs to ${endMs} ms`, 'start each segment where the previous one ends (its `to`)');
      endMs = toMs;
      try {
        samples.push(...expandSegment({ fromMs, toMs, stepMs }, String(segment.values), samples.at(-1)?.value));
      } catch (error) {
        if (error instanceof NotationError) throw segmentFail(error.field, `${entry.series}: ${error.message}`, error.hint);
        throw error;
      }
      if (known.counter) {
        const fall = samples.findIndex((s, k) => k > 0 && s.value < samples[k - 1]!.value);
        if (fall > 0)
          throw segmentFail(
            'values',
            `counter ${parsed.name} falls from ${samples[fall - 1]!.value} to ${samples[fall]!.value} at ${samples[fall]!.offsetMs} ms`,
            'rate() reads a fall as a restart and counts the new value as traffic; start a segment with `last` to continue the count',
          );
      }
    });
    return { selector: entry.series, labels: { __name__: parsed.name, ...parsed.labels }, line, samples };
  });
}
