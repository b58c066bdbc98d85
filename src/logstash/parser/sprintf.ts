/**
 * The parts of a Logstash sprintf format ("logs-%{+YYYY.MM.dd}", "%{[client][ip]}"): text,
 * field references, and dates formatted from @timestamp (`%{+FORMAT}`, Joda-style, in UTC;
 * `%{{FORMAT}}`, java.time-style). An unclosed `%{` is text, as Logstash leaves it.
 */
export type SprintfPart = { kind: 'text'; text: string } | { kind: 'field'; reference: string; path: string[] } | { kind: 'date'; format: string; style: 'joda' | 'java-time' } | { kind: 'epoch' };

export function sprintfParts(format: string): SprintfPart[] {
  const parts: SprintfPart[] = [];
  let text = '';
  let i = 0;
  while (i < format.length) {
    if (format.startsWith('%{', i)) {
      const javaTime = format.startsWith('%{{', i);
      const end = javaTime ? format.indexOf('}}', i + 3) : format.indexOf('}', i + 2);
      if (end !== -1) {
        if (text) parts.push({ kind: 'text', text });
        text = '';
        const inner = format.slice(i + (javaTime ? 3 : 2), end);
        parts.push(describe(inner, javaTime));
        i = end + (javaTime ? 2 : 1);
        continue;
      }
    }
    text += format[i];
    i++;
  }
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

function describe(inner: string, javaTime: boolean): SprintfPart {
  if (javaTime) return { kind: 'date', format: inner, style: 'java-time' };
  if (inner === '+%s') return { kind: 'epoch' };
  if (inner.startsWith('+')) return { kind: 'date', format: inner.slice(1), style: 'joda' };
  return { kind: 'field', reference: inner, path: fieldPath(inner) };
}

/** `[a][b]` → [a, b]; a bare name `a` → [a]. */
export function fieldPath(reference: string): string[] {
  if (!reference.startsWith('[')) return [reference];
  return [...reference.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!);
}

/** Does the format depend on the event (a field or its timestamp), or is it fixed text? */
export function isFixed(format: string): boolean {
  return sprintfParts(format).every((p) => p.kind === 'text');
}
