import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../sources/repo-files.js';
import { parseStackDeclaration, readStackDeclarations } from './stack-declaration.js';

const file = join(repoRoot, 'tests/integration/example.test.ts');
const known = ['smoke', 'alerting', 'alerting-broken-template'];

describe('parseStackDeclaration', () => {
  it('reads the keys of the one "// @stacks" line; a file without one uses none', () => {
    expect(parseStackDeclaration(file, "// @stacks alerting-broken-template, alerting\nimport x from 'y';\n", known)).toEqual(['alerting-broken-template', 'alerting']);
    expect(parseStackDeclaration(file, "import x from 'y';\n// stacks are started in global-setup.ts\n", known)).toEqual([]);
  });

  it('names the file, the line and the valid keys for an unknown key', () => {
    expect(() => parseStackDeclaration(file, "import x from 'y';\n// @stacks alertng\n", known)).toThrow(
      'tests/integration/example.test.ts:2: "// @stacks" names unknown stack(s): alertng\n  hint: this project\'s globalSetup starts: smoke, alerting, alerting-broken-template',
    );
  });

  it('refuses an empty list and a second line, pointing at the line to change', () => {
    expect(() => parseStackDeclaration(file, '// @stacks\n', known)).toThrow('tests/integration/example.test.ts:1: "// @stacks" names no stack');
    expect(() => parseStackDeclaration(file, '// @stacks smoke\n\n// @stacks alerting\n', known)).toThrow('tests/integration/example.test.ts:3: a second "// @stacks" line (the first is line 1)');
  });
});

describe('readStackDeclarations', () => {
  it("reads the declarations of the repo's own test files, which name only stacks of their project", async () => {
    const files = ['tests/integration/routing-template-errors.test.ts', 'tests/integration/reaper.test.ts'].map((f) => join(repoRoot, f));
    expect(await readStackDeclarations(files, known)).toEqual({ [files[0]!]: ['alerting-broken-template', 'alerting'], [files[1]!]: [] });
  });
});
