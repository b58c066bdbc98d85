import { checkContext } from '../../tests/support/check-context.js';
import { describe, expect, it } from 'vitest';
import { YamlFile } from '../sources/yaml-file.js';
import { workflowProblems, workflowSchemaCheck } from './workflow-schema-check.js';

const workflow = (text: string) => workflowProblems(YamlFile.parse('.github/workflows/x.yml', text));
const context = checkContext();

describe('deploy/workflow-schema', () => {
  it('passes the repository workflow', async () => {
    expect(await workflowSchemaCheck.run(context)).toEqual([]);
  }, 60_000);

  it('names an unknown key of a step at its line', () => {
    const problems = workflow(['on: push', 'jobs:', '  t:', '    runs-on: ubuntu-24.04', '    steps:', '      - run: echo', '        shel: bash', ''].join('\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ check: 'deploy/workflow-schema', file: '.github/workflows/x.yml', line: 7, message: 'unknown key "shel" in jobs.t.steps.0' });
  });

  it('judges a job by the kind it is closest to: a runner job with a misspelt key', () => {
    const problems = workflow(['on: push', 'jobs:', '  t:', '    runs-on: ubuntu-24.04', '    stepz:', '      - run: echo', ''].join('\n'));
    expect(problems.map((p) => [p.line, p.message])).toEqual([[5, 'unknown key "stepz" in jobs.t']]);
  });

  it('reports a wrong type and an empty list at their lines', () => {
    const problems = workflow(['on: push', 'jobs:', '  t:', '    runs-on: ubuntu-24.04', '    timeout-minutes: soon', '    steps: []', ''].join('\n'));
    expect(problems.map((p) => [p.line, p.message]).sort()).toEqual([
      [5, 'jobs.t.timeout-minutes: The value must be number'],
      [6, 'jobs.t.steps: MinItems condition is not met'],
    ]);
  });

  it('reports a missing key at the object that lacks it', () => {
    expect(workflow(['on: push', 'jobs:', '  t:', '    steps:', '      - run: echo', ''].join('\n')).map((p) => [p.line, p.message])).toEqual([[3, 'jobs.t.runs-on: This property is required']]);
    expect(workflow('on: push\n').map((p) => p.message)).toEqual(['jobs: This property is required']);
  });
});
