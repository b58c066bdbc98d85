import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { repoRoot } from '../sources/repo-files.js';
import { ConfigError } from '../sources/config-error.js';

/**
 * A test file names the stacks it uses in one line of its own, as vitest reads
 * `// @vitest-environment` from a test file:
 *
 *     // @stacks alerting, alerting-broken-template
 *
 * The project's globalSetup reads it from each file of the run (or of the shard) and starts
 * only the stacks those files name; requireStack refuses a stack its file does not name, so a
 * missing name fails on every run, not only on the shard that lacks the stack. A file without
 * the line uses none.
 */
export const stackDeclarationPattern = /^\s*\/\/\s*@stacks\b(.*)$/;

/** The stack keys `source` (the text of `file`) declares, checked against the project's `known` keys. */
export function parseStackDeclaration(file: string, source: string, known: readonly string[]): string[] {
  const where = relative(repoRoot, file);
  const lines = source.split('\n');
  const found = lines.flatMap((text, index) => {
    const match = stackDeclarationPattern.exec(text);
    return match ? [{ line: index + 1, list: match[1]! }] : [];
  });
  if (found.length === 0) return [];
  if (found.length > 1) {
    throw new ConfigError(where, `a second "// @stacks" line (the first is line ${found[0]!.line})`, 'name every stack of the file in one "// @stacks a, b" line', found[1]!.line);
  }
  const { line, list } = found[0]!;
  const keys = list
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  if (keys.length === 0) throw new ConfigError(where, '"// @stacks" names no stack', `name the stacks the file uses (${known.join(', ')}), or remove the line`, line);
  const unknown = keys.filter((key) => !known.includes(key));
  if (unknown.length) {
    throw new ConfigError(where, `"// @stacks" names unknown stack(s): ${unknown.join(', ')}`, `this project's globalSetup starts: ${known.join(', ')}`, line);
  }
  return keys;
}

/** Each file's declared stacks, by absolute path. */
export async function readStackDeclarations(files: readonly string[], known: readonly string[]): Promise<Record<string, string[]>> {
  const entries = await Promise.all(files.map(async (file) => [file, parseStackDeclaration(file, await readFile(file, 'utf8'), known)] as const));
  return Object.fromEntries(entries);
}
