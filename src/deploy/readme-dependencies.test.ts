import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../sources/repo-files.js';
import { dependencyDrift, namedDependencies, type PackageManifest } from './readme-dependencies.js';

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
    expect(drift).toEqual([
      expect.stringMatching(/^README\.md:3: package\.json lists `vitest` in dependencies/),
      expect.stringMatching(/^README\.md:4: .* names `yaml`, which package\.json does not list/),
    ]);
  });

  it('says so when the section is missing', { timeout: 10_000 }, () => {
    expect(dependencyDrift('# Tool\n', {})).toEqual([expect.stringMatching(/no "## Dependencies" section/)]);
  });

  it("the repository's README names every package of package.json, and no other", { timeout: 10_000 }, () => {
    const manifest = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as PackageManifest;
    expect(dependencyDrift(readFileSync(repoPath('README.md'), 'utf8'), manifest)).toEqual([]);
  });
});
