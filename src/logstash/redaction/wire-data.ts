/**
 * A wire event (src/logstash/jruby/wire-protocol.ts) from plain data in which integers may be
 * bigints: they are written as JSON integers of any size, as the wire contract wants.
 */
export function wireOf(data: Record<string, unknown>): string {
  const marker = '\u0001int:';
  const text = JSON.stringify({ data: { ...data, '@version': '1', '@timestamp': { '\u0000timestamp': '2026-11-26T08:00:00.000Z' } }, metadata: {} }, (_key, value: unknown) =>
    typeof value === 'bigint' ? `${marker}${value}` : value,
  );
  return text.replace(/"\\u0001int:(-?\d+)"/g, '$1');
}

/** The data of a wire event, without the fields the filter never changes. */
export function dataOf(wire: string): Record<string, unknown> {
  const { data } = JSON.parse(wire) as { data: Record<string, unknown> };
  delete data['@version'];
  delete data['@timestamp'];
  return data;
}
