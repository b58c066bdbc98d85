import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The pattern sets of logstash-patterns-core (see ./patterns/README.md for the version). */
export type PatternSet = 'ecs-v1' | 'legacy';

const patternsDir = fileURLToPath(new URL('./patterns/', import.meta.url));
const loaded = new Map<PatternSet, ReadonlyMap<string, string>>();

/**
 * The definitions Logstash loads before a filter's own, for one ECS mode: every file of the set's
 * directory (grok.rb:262 globs `*`; Ruby 3.1's Dir.glob returns names sorted, so with a name
 * defined twice the file sorting last wins), each read as jls-grok's add_patterns_from_file does.
 * logstash-core 8.17.4 defines no LogStash::Environment.pattern_path, so grok.rb:342-344 adds
 * nothing else.
 */
export function corePatterns(set: PatternSet): ReadonlyMap<string, string> {
  let patterns = loaded.get(set);
  if (!patterns) {
    const definitions = new Map<string, string>();
    const dir = join(patternsDir, set);
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) continue; // grok.rb:456-457
      for (const [key, value] of parsePatternFile(readFileSync(path, 'utf8'))) definitions.set(key, value);
    }
    patterns = definitions;
    loaded.set(set, patterns);
  }
  return patterns;
}

// Ruby's \s: space, \t, \n, \v, \f, \r (not the Unicode spaces JavaScript's \s also matches).
const rubySpace = '[ \\t\\n\\v\\f\\r]';
const comment = new RegExp(`^${rubySpace}*#`);
const leadingSpace = new RegExp(`^${rubySpace}*`);
const separator = new RegExp(`${rubySpace}+`);

/**
 * One patterns file, line by line, as jls-grok 0.11.5 reads it (ruby-grok@550e96f
 * lib/grok-pure.rb:68-84): comment lines are skipped, leading space is dropped, the name runs to
 * the first run of spaces and the pattern is the rest, less its line ending (String#chomp). A line
 * with a name and nothing after it (no space) is skipped; a name followed by spaces only defines
 * the empty pattern.
 */
export function parsePatternFile(text: string): [string, string][] {
  const definitions: [string, string][] = [];
  for (const line of linesOf(text)) {
    if (comment.test(line)) continue;
    const rest = line.replace(leadingSpace, '');
    const gap = separator.exec(rest);
    if (!gap) continue; // split(/\s+/, 2) gave one element: pattern.nil?
    const name = rest.slice(0, gap.index);
    definitions.push([name, chomp(rest.slice(gap.index + gap[0].length))]);
  }
  return definitions;
}

/** IO#each: lines with their "\n" kept. */
function linesOf(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.filter((line) => line !== '');
}

/** String#chomp without argument: one trailing "\r\n", "\n" or "\r". */
export function chomp(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  if (text.endsWith('\n') || text.endsWith('\r')) return text.slice(0, -1);
  return text;
}
