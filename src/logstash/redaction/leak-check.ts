/** Every key and every string or number of a parsed wire event's data, at any depth. */
export function textsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'bigint') out.push(String(value));
  else if (Array.isArray(value)) value.forEach((v) => textsOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      textsOf(v, out);
    }
  }
  return out;
}

/**
 * The cores of a secret still present in an event (its wire JSON text): in any key, string
 * or number, and for digit cores (cards) also once spaces and dashes are taken out.
 */
export function leakedCores(wireEvent: string, cores: readonly string[]): string[] {
  const texts = textsOf((JSON.parse(wireEvent) as { data: unknown }).data);
  const digits = (core: string) => /^\d+$/.test(core);
  // A big integer loses digits in JSON.parse: digit cores are also looked for in the raw text.
  return cores.filter((core) => texts.some((t) => t.includes(core)) || (digits(core) && (wireEvent.includes(core) || texts.some((t) => t.replace(/[ -]/g, '').includes(core)))));
}
