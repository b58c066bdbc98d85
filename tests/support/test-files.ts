import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Writes files into a fresh temporary directory and returns their paths: real files for the
 * loaders under test, which read from disk and report file:line.
 */
export function writeTempFiles(files: Record<string, string>): { dir: string; path(name: string): string } {
  const dir = mkdtempSync(join(tmpdir(), 'rules-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, path: (name) => join(dir, name) };
}
