import type { Check } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import type { Workspace } from '../workspace/workspace.js';

const id = 'deploy/readme-dependencies';

/**
 * The README's "## Dependencies" section against package.json: every package we install is named
 * there (with what uses it), and the section names no package we do not install. A package is
 * named by writing it in backticks (`yaml`, `@types/node`); a backticked span that is not a
 * package name (a path, a command, `fetch()`, a file such as `biome.jsonc`) is prose. Packages the section mentions only to
 * say we did not take them (js-yaml, axios) are written without backticks.
 */

export interface PackageManifest {
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

const heading = '## Dependencies';

/** npm's rule for a package name (lower case; a scope is `@scope/`), applied to a backticked span. */
const packageName = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;
/** A file name is legal as a package name too (`biome.jsonc`): spans ending in a file type we keep are files. */
const fileName = /\.(jsonc?|ya?ml|[cm]?[jt]s|md|sh|conf)$/;

/** Each package the section names, with the README line it is first named on (1-based). */
export function namedDependencies(readme: string): { names: Map<string, number>; headingLine: number } | undefined {
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start < 0) return undefined;
  const names = new Map<string, number>();
  for (let i = start + 1; i < lines.length && !/^#{1,2} /.test(lines[i]!); i++) {
    for (const [, span] of lines[i]!.matchAll(/`([^`]+)`/g)) {
      if (packageName.test(span!) && !fileName.test(span!) && !names.has(span!)) names.set(span!, i + 1);
    }
  }
  return { names, headingLine: start + 1 };
}

/** What disagrees between the section and package.json, each a problem at its README.md line that says what to change. */
export function dependencyDrift(readme: string, manifest: PackageManifest): Problem[] {
  const section = namedDependencies(readme);
  if (!section)
    return [problem({ check: id, file: 'README.md', line: 1, message: `README.md has no "${heading}" section`, hint: `add it, naming each package of package.json in backticks with what uses it` })];
  const installed = new Map<string, string>();
  for (const [field, deps] of [
    ['dependencies', manifest.dependencies],
    ['devDependencies', manifest.devDependencies],
  ] as const) {
    for (const name of Object.keys(deps ?? {})) installed.set(name, field);
  }
  const problems: Problem[] = [];
  for (const [name, field] of installed) {
    if (section.names.has(name)) continue;
    const message = `package.json lists \`${name}\` in ${field}, but "${heading}" does not name it`;
    problems.push(problem({ check: id, file: 'README.md', line: section.headingLine, message, hint: `add \`${name}\` there, in backticks, with the file that uses it` }));
  }
  for (const [name, line] of section.names) {
    if (installed.has(name)) continue;
    const message = `"${heading}" names \`${name}\`, which package.json does not list`;
    problems.push(problem({ check: id, file: 'README.md', line, message, hint: 'remove it, write it without backticks if it is not a package, or add the package' }));
  }
  return problems;
}

export const readmeDependenciesCheck: Check<Workspace> = {
  id,
  description: 'the README\'s "## Dependencies" section names every package of package.json, and no other',
  async run({ workspace }) {
    const manifest = JSON.parse(workspace.text('package.json')) as PackageManifest;
    return dependencyDrift(workspace.text('README.md'), manifest);
  },
};
