import { readFileSync } from 'node:fs';
import { repoPath } from '../../sources/repo-files.js';
import type { JrubyClient } from '../jruby/jruby-client.js';
import type { RubyFilterOptions } from '../jruby/wire-protocol.js';

/** The redaction filter as logstash.conf declares it (its container path, tag_on_exception). */
export const redactFile = 'monitoring/logstash/scripts/redact.rb';
export const redactOptions: RubyFilterOptions = { path: '/usr/share/logstash/scripts/redact.rb', file: redactFile, tagOnException: '_redaction_failure' };

/** Loads redact.rb under `id`; its own test blocks run (as in Logstash) and must pass. */
export async function loadRedact(client: JrubyClient, id = 'redact', options: RubyFilterOptions = redactOptions): Promise<void> {
  const loaded = await client.load(id, options);
  if (!loaded.loaded) {
    const failing = loaded.tests.filter((t) => !t.passed).map((t) => t.name);
    throw new Error(`${redactFile} did not load on JRuby: ${loaded.error.class}: ${loaded.error.message}${failing.length ? ` (failing test blocks: ${failing.join('; ')})` : ''}`);
  }
}

/** redact.rb without its `test` blocks: for harnesses that append a `filter` of their own. */
export function redactSourceWithoutTests(): string {
  return readFileSync(repoPath(redactFile), 'utf8').replace(/^test ['"][\s\S]*?^end$/gm, '');
}
