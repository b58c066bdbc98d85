import { pathToFileURL } from 'node:url';
import type { FilterDefinition } from '../src/logstash/engine/filter-api.js';
import { dateFilter } from '../src/logstash/engine/date/date-filter.js';
import { geoipFilter } from '../src/logstash/engine/geoip/geoip-filter.js';
import { grokFilter } from '../src/logstash/engine/grok/grok-filter.js';
import { canonicalPlugin, pluginText } from '../tests/support/logstash/canonical-plugin.js';
import { filterKit } from '../tests/support/logstash/filter-kit.js';
import type { PluginSource } from '../src/logstash/engine/plugin-config.js';

const access = '203.0.113.9 - - [26/Nov/2026:08:00:00 +0000] "GET /api/timetables?id=1 HTTP/1.1" 200 512 "-" "curl/8.0"';

interface Case {
  label: string;
  definition: FilterDefinition;
  plugin: PluginSource;
  event: Record<string, unknown>;
}

const cases: Case[] = [
  { label: 'grok http_request, access line (1st pattern matches)', definition: grokFilter, plugin: canonicalPlugin('http_request'), event: { message: access } },
  { label: 'grok http_request, app line (2nd pattern matches)', definition: grokFilter, plugin: canonicalPlugin('http_request'), event: { message: 'GET /api/rooms 503 1ms' } },
  { label: 'grok http_request, no match (both tried)', definition: grokFilter, plugin: canonicalPlugin('http_request'), event: { message: 'id-1 timetable published for week 48 of the school year' } },
  { label: 'grok db_query, SQL line', definition: grokFilter, plugin: canonicalPlugin('db_query'), event: { message: "query: SELECT id, name FROM timetables WHERE note = 'x' (3.5 ms)" } },
  {
    label: 'grok syslog input pattern (SYSLOGLINE, ecs-v1)',
    definition: grokFilter,
    plugin: pluginText('grok { match => { "message" => "<%{POSINT:[log][syslog][priority]:int}>%{SYSLOGLINE}" } overwrite => "message" }'),
    event: { message: '<11>2026-11-26T22:10:00.000Z web01 timetable-api[4321]: database connection refused\n' },
  },
  { label: 'date time_from_timestamp, ISO8601 with offset', definition: dateFilter, plugin: canonicalPlugin('time_from_timestamp'), event: { timestamp: '2026-11-26T23:30:00-05:00' } },
  { label: 'date time_from_time, epoch ms (ISO8601 fails first)', definition: dateFilter, plugin: canonicalPlugin('time_from_time'), event: { time: 1795737599000n } },
  {
    label: 'date time_from_access_log, dd/MMM/yyyy:HH:mm:ss Z',
    definition: dateFilter,
    plugin: canonicalPlugin('time_from_access_log'),
    event: { '@metadata': { http_time: '26/Nov/2026:21:00:00 +0000' } },
  },
  { label: 'geoip client_geoip, 8.8.8.8', definition: geoipFilter, plugin: canonicalPlugin('client_geoip'), event: { client: { ip: '8.8.8.8' } } },
];

/**
 * Cost of the offline engine's grok, date and geoip filters per event, on the canonical
 * pipeline's own plugins run through the engine's filter stage: the time to create each filter
 * (config_init, compile, open the database) and the median time per event over a warm loop,
 * building the event included. Prints figures only.
 */
export async function benchLogstashFilters(iterations = 2000): Promise<void> {
  const rows: string[][] = [];
  for (const c of cases) {
    const started = performance.now();
    const kit = await filterKit(c.definition, c.plugin);
    const created = performance.now() - started;
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      await kit.run(c.event);
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
    rows.push([c.label, `${created.toFixed(1)} ms`, `${(at(0.5) * 1000).toFixed(1)} µs`, `${(at(0.99) * 1000).toFixed(1)} µs`]);
  }
  const header = ['filter and input', 'create', 'median/event', 'p99/event'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  console.log(`Offline Logstash filters: cost per event (${iterations} events each, warm; event creation included)`);
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchLogstashFilters();
