/**
 * Wire events for the JRuby tests: a log line as the tcp input's json_lines codec would make
 * it, roughly (JSON parsed into fields, anything else kept as the message), with a fixed
 * @timestamp. The engine's real codecs are logs-engine's; these tests exercise the Ruby side.
 */
export const fixedTimestamp = '2026-11-26T08:00:00.123456789Z';

export function wireEventOf(line: string): string {
  let data: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    data = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { message: line };
  } catch {
    data = { message: line };
  }
  return wireEvent(data);
}

/** A wire event from plain JSON data (numbers as JSON.stringify writes them: use rawWire for floats). */
export function wireEvent(data: Record<string, unknown>, metadata: Record<string, unknown> = {}): string {
  return JSON.stringify({ data: { ...data, '@version': '1', '@timestamp': { '\u0000timestamp': fixedTimestamp } }, metadata });
}
