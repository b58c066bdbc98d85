import { problem, type Problem } from '../../check/problem.js';
import type { SourceFiles } from '../../sources/source-files.js';

/**
 * Turns `promtool check config|rules` complaints into Problems at file:line. promtool says it
 * in several shapes:
 *   file: 5:15: group "g", rule 1, "A": could not parse expression: ...
 *   file: yaml: unmarshal errors:\n  line 11: field foo not found in type rulefmt.RuleNode
 *   FAILED: parsing YAML file file: yaml: unmarshal errors:\n  line 3: field x not found ...
 *   file: not a valid duration string: "5x"            (no line: we look for "5x" in the file)
 * Lines in no known shape (the duplicate-rules lint) are kept whole, never dropped.
 */
export function promtoolProblems(output: string, files: readonly string[], check: string, hint: string, sources: SourceFiles): Problem[] {
  const problems: Problem[] = [];
  const known = new Map(files.map((f) => [f, sources.display(f)]));
  const fileOf = (name: string) => known.get(name) ?? [...known.values()].find((d) => d === name || name.endsWith(d));
  let current: string | undefined;
  const stray: string[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim() || /^Checking /.test(line) || /^\s*SUCCESS/.test(line) || /^\s*FAILED:$/.test(line)) continue;
    const positioned = /^(\S+?): (\d+):(\d+): (.*)$/.exec(line);
    const yamlHeader = /^(?:\s*FAILED: parsing YAML file )?(\S+?): (?:yaml: unmarshal errors:|(.*))$/.exec(line.trim());
    const yamlLine = /^\s+line (\d+): (.*)$/.exec(line);
    if (positioned && fileOf(positioned[1]!)) {
      problems.push(problem({ check, file: fileOf(positioned[1]!)!, line: Number(positioned[2]), column: Number(positioned[3]), message: positioned[4]!, hint }));
    } else if (yamlLine && current) {
      problems.push(problem({ check, file: current, line: Number(yamlLine[1]), message: yamlLine[2]!, hint }));
    } else if (yamlHeader && fileOf(yamlHeader[1]!)) {
      current = fileOf(yamlHeader[1]!)!;
      const message = yamlHeader[2];
      if (message) problems.push(problem({ check, file: current, line: lineOfQuoted(sources, current, message), message, hint }));
    } else stray.push(line.trim());
  }
  // promtool 3 prints some complaints twice (a bad duration): one problem each.
  const unique = [...new Map(problems.map((p) => [`${p.file}:${p.line}:${p.column}:${p.message}`, p])).values()];
  if (stray.length) unique.push(problem({ check, file: sources.display(files[0] ?? '(promtool)'), message: `promtool: ${stray.join(' ')}`, hint }));
  return unique;
}

/**
 * For a message quoting a value (`not a valid duration string: "5x"`, 3.x: `unknown unit "x" in
 * duration "5x"`), the first line holding it; the longest quote first, the most specific.
 */
function lineOfQuoted(sources: SourceFiles, file: string, message: string): number | undefined {
  const quotes = [...message.matchAll(/"([^"]+)"/g)].map((m) => m[1]!).sort((a, b) => b.length - a.length);
  if (!quotes.length) return undefined;
  try {
    const lines = sources.text(file).split('\n');
    for (const quoted of quotes) {
      const index = lines.findIndex((l) => l.includes(quoted));
      if (index >= 0) return index + 1;
    }
    return undefined;
  } catch {
    return undefined;
  }
}
