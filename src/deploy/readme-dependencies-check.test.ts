import { checkContext } from '../../tests/support/check-context.js';
import { describe, expect, it } from 'vitest';
import { dependencyDrift, namedDependencies, readmeDependenciesCheck } from './readme-dependencies-check.js';

const readme = [
  '# Tool',
  '',
  '## Dependencies',
  "We use `yaml` (positions) and `@types/node`; Node's `fetch()` instead of axios.",
  'Paths are prose: `src/x.ts`, `biome.jsonc`, `npm run typecheck`.',
  '',
  '## Next',
  '`vitest` is named outside the section.',
].join('\n');

describe('the README "## Dependencies" section and package.json', () => {
  it('reads the backticked package names of the section only, with their lines', { timeout: 10_000 }, () => {
    expect(namedDependencies(readme)?.names).toEqual(
      new Map([
        ['yaml', 4],
        ['@types/node', 4],
      ]),
    );
  });

  it('agrees when the section names exactly the installed packages', { timeout: 10_000 }, () => {
    expect(dependencyDrift(readme, { devDependencies: { yaml: '^2', '@types/node': '^20' } })).toEqual([]);
  });

  it('names a package installed but not in the section, and one the section names but nobody installs', { timeout: 10_000 }, () => {
    const drift = dependencyDrift(readme, { dependencies: { vitest: '4' }, devDependencies: { '@types/node': '^20' } });
    expect(drift.map((p) => [p.file, p.line, p.message, p.hint])).toEqual([
      ['README.md', 3, 'package.json lists `vitest` in dependencies, but "## Dependencies" does not name it', 'add `vitest` there, in backticks, with the file that uses it'],
      ['README.md', 4, '"## Dependencies" names `yaml`, which package.json does not list', 'remove it, write it without backticks if it is not a package, or add the package'],
    ]);
  });

  it('says so when the section is missing', { timeout: 10_000 }, () => {
    expect(dependencyDrift('# Tool\n', {}).map((p) => p.message)).toEqual(['README.md has no "## Dependencies" section']);
  });

  it("the repository's README names every package of package.json, and no other", { timeout: 10_000 }, async () => {
    expect(await readmeDependenciesCheck.run(checkContext())).toEqual([]);
  });
});
