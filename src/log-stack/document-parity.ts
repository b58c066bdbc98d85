/**
 * Real documents (Elasticsearch, fed by a real Logstash) against the offline engine's prediction
 * for the same lines, field by field. The real engines are the authority: every difference is a
 * defect of the engine's model (or of the real stack), named by index, document and path with
 * both values.
 */
export interface ParityDoc {
  index: string;
  source: Record<string, unknown>;
}

export interface ParityOptions {
  /** Dotted paths whose value depends on when or where the run happened (arrival time, ...): compared for presence only. */
  presenceOnly?: readonly string[];
}

/** Leaves of a document by dotted path; an array is one leaf (its order and contents matter). */
function leaves(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, {});
    for (const [key, child] of entries) leaves(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

const show = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));

/** Index names without their day: `logs-2026.11.29` and `logs-2026.11.30` are both `logs`. */
const family = (index: string) => index.replace(/-\d{4}\.\d{2}\.\d{2}$/, '');

/** A stable order for documents of one family: by their text, so both sides pair up whatever order a search returns. */
const byContent = (a: ParityDoc, b: ParityDoc) => JSON.stringify(a.source).localeCompare(JSON.stringify(b.source));

export function parityDifferences(real: readonly ParityDoc[], predicted: readonly ParityDoc[], options: ParityOptions = {}): string[] {
  const presenceOnly = new Set(options.presenceOnly ?? []);
  const differences: string[] = [];
  const families = [...new Set([...real, ...predicted].map((d) => family(d.index)))].sort();
  for (const name of families) {
    const r = real.filter((d) => family(d.index) === name).sort(byContent);
    const p = predicted.filter((d) => family(d.index) === name).sort(byContent);
    if (r.length !== p.length) {
      differences.push(`${name}: ${r.length} real document(s), the engine predicts ${p.length}`);
      continue;
    }
    r.forEach((doc, i) => {
      const where = `${name}[${i}]`;
      if (!presenceOnly.has('_index') && doc.index !== p[i]!.index) differences.push(`${where}._index: real ${show(doc.index)}, engine ${show(p[i]!.index)}`);
      const a = leaves(doc.source, '', new Map());
      const b = leaves(p[i]!.source, '', new Map());
      for (const path of [...new Set([...a.keys(), ...b.keys()])].sort()) {
        const [x, y] = [a.get(path), b.get(path)];
        const same = presenceOnly.has(path) ? (x === undefined) === (y === undefined) : JSON.stringify(x) === JSON.stringify(y);
        if (!same) differences.push(`${where}.${path}: real ${show(x)}, engine ${show(y)}`);
      }
    });
  }
  return differences;
}
