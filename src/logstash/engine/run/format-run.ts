import type { EngineResult } from './engine-run.js';
import type { TraceRecorder } from './trace.js';

/**
 * `npm run logs` output. Human: per event its indices, tags, the redactions the script made
 * (paths and what they hold now, never the old value), the documents, what Elasticsearch says,
 * and with a trace the event after each filter. NDJSON: one document a line, with `_index`.
 */
export function formatRun(result: EngineResult, trace?: TraceRecorder, showLog = false): string {
  const out: string[] = [];
  result.events.forEach(({ event, documents, stdout }, n) => {
    out.push(`event ${n + 1}`);
    if (trace) {
      for (const step of trace.steps.get(event.seq) ?? []) out.push(`  after ${step.stage} (${step.where}):`, `    ${step.json}`);
      const redacted = trace.redactions(event.seq);
      out.push(redacted.length === 0 ? '  redactions: none' : '  redactions:', ...redacted.map((r) => `    ${r.path} is now ${r.now} (by ${r.by})`));
    }
    const tags = event.get('tags');
    out.push(`  tags: ${Array.isArray(tags) && tags.length > 0 ? tags.join(', ') : 'none'}`);
    out.push(`  indices: ${documents.length === 0 ? 'none (no output took it)' : documents.map((d) => d.index).join(', ')}`);
    for (const d of documents) {
      const verdict = d.deadLetter
        ? `dead letter queue: ${d.deadLetter}`
        : d.elasticsearch?.accepted
          ? 'indexed'
          : `REJECTED by Elasticsearch (lost): ${d.elasticsearch ? `${d.elasticsearch.status} ${d.elasticsearch.type}: ${d.elasticsearch.reason}` : 'not sent'}`;
      out.push(`  ${d.index}: ${verdict}`, indent(prettyJson(d.json), 4));
    }
    for (const text of stdout) out.push('  stdout (rubydebug):', indent(text.trimEnd(), 4));
  });
  if (!trace) out.push('(redactions are listed with --trace)');
  for (const incident of result.incidents) out.push(`lost or held back: ${incident}`);
  if (showLog) out.push("Logstash's log:", ...(result.log.length > 0 ? result.log.map((l) => `  ${l}`) : ['  (nothing at its levels)']));
  if (result.events.length === 0) out.push('no event came out');
  return out.join('\n');
}

export function formatNdjson(result: EngineResult): string {
  return result.events.flatMap(({ documents }) => documents.map((d) => `{"_index":${JSON.stringify(d.index)}${d.json.length > 2 ? `,${d.json.slice(1)}` : '}'}`)).join('\n');
}

function indent(text: string, n: number): string {
  return text
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');
}

/** Indents JSON text without re-reading it, so number tokens stay as written (5.0 stays 5.0). */
export function prettyJson(json: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += json[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      if (json[i + 1] === close) {
        out += c + close;
        i++;
      } else out += `${c}\n${'  '.repeat(++depth)}`;
    } else if (c === '}' || c === ']') out += `\n${'  '.repeat(--depth)}${c}`;
    else if (c === ',') out += `,\n${'  '.repeat(depth)}`;
    else if (c === ':') out += ': ';
    else out += c;
  }
  return out;
}
