import { inspectString } from '../ruby-inspect.js';
import { rubyFloatToS } from '../java-text.js';
import { isMap, LsBigDecimal, LsTimestamp, type LsValue } from '../value.js';

/**
 * logstash-codec-rubydebug v3.1.0: `event.to_hash.ai` (amazing_print 1.6.0, no colours: the
 * Logstash container's stdout is not a terminal), then a newline. Hash keys are right-aligned
 * behind an indentation of 4 per level; arrays print `[i] value`, indices padded to the widest.
 */
export function rubydebug(hash: LsValue): string {
  return `${ai(hash, 0)}\n`;
}

function ai(value: LsValue, level: number): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const width = String(value.length - 1).length;
    const pad = ' '.repeat((level + 1) * 4);
    const items = value.map((v, i) => `${pad}[${String(i).padStart(width)}] ${ai(v, level + 1)}`);
    return `[\n${items.join(',\n')}\n${' '.repeat(level * 4)}]`;
  }
  if (isMap(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    const shown = keys.map(inspectString);
    const width = Math.max(...shown.map((k) => k.length));
    const pad = ' '.repeat((level + 1) * 4);
    const lines = keys.map((k, i) => `${pad}${shown[i]!.padStart(width)} => ${ai(value[k]!, level + 1)}`);
    return `{\n${lines.join(',\n')}\n${' '.repeat(level * 4)}}`;
  }
  if (value === null) return 'nil';
  if (typeof value === 'string') return inspectString(value);
  if (typeof value === 'number') return rubyFloatToS(value);
  // amazing_print prints a BigDecimal with to_s('F'): plain digits.
  if (value instanceof LsBigDecimal) return plainDecimal(value);
  if (value instanceof LsTimestamp) return value.toString();
  return String(value);
}

function plainDecimal(d: LsBigDecimal): string {
  const text = d.toString();
  if (!text.includes('E')) return text.includes('.') ? text : `${text}.0`;
  const n = d.toNumber();
  return Number.isInteger(n) ? `${BigInt(n)}.0` : String(n);
}
