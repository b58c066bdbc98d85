import type { PluginLogger } from '../plugin-log.js';
import { inspectString } from '../ruby-inspect.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * LogStash::Util::Charset#convert with charset UTF-8 (logstash-core v8.17.4
 * util/charset.rb:12-25): valid UTF-8 passes as it is; otherwise the text becomes its Ruby
 * `inspect` without the quotes (invalid bytes as \xNN, quotes and backslashes escaped) and a
 * WARN carries it.
 */
export function convertUtf8(bytes: Buffer, logger?: PluginLogger): string {
  try {
    return decoder.decode(bytes);
  } catch {
    const escaped = inspectBytes(bytes).slice(1, -1);
    logger?.warn('Received an event that has a different character encoding than you configured.', { text: escaped, expected_charset: 'UTF-8' });
    return escaped;
  }
}

/** String#inspect of a UTF-8 string holding invalid bytes: valid characters as inspect shows them, bad bytes as \xNN. */
function inspectBytes(bytes: Buffer): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const n = utf8Length(bytes, i);
    if (n === 0) {
      out += `\\x${bytes[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
      continue;
    }
    out += inspectString(bytes.subarray(i, i + n).toString('utf8')).slice(1, -1);
    i += n;
  }
  return `"${out}"`;
}

/** Length of the valid UTF-8 sequence at i, or 0. */
function utf8Length(b: Buffer, i: number): number {
  const c = b[i]!;
  const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n <= 1 || i + n > b.length) return n === 1 ? 1 : 0;
  try {
    decoder.decode(b.subarray(i, i + n));
    return n;
  } catch {
    return 0;
  }
}
