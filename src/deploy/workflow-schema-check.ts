import type { Workspace } from '../workspace/workspace.js';
import { createRequire } from 'node:module';
import type { Check } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import type { YamlFile, YamlPath } from '../sources/yaml-file.js';

const id = 'deploy/workflow-schema';
export const workflowsDir = '.github/workflows';

/** One error as @action-validator/core reports it (its action_validator.d.ts, `ValidationError`). */
interface ValidationError {
  code: string;
  detail?: string;
  path?: string;
  title: string;
  states?: { errors: ValidationError[] }[];
  location?: { line: number; column: number };
}

// @action-validator/core checks a workflow against SchemaStore's github-workflow schema, which
// it bundles (its README: "checking them against published JSON schemas"); no network. It is
// a wasm-bindgen CommonJS module, so it is loaded with require.
const validator = createRequire(import.meta.url)('@action-validator/core') as { validateWorkflow(src: string): { errors: ValidationError[] } };

/**
 * A oneOf error (a job is either a runner job or a reusable-workflow call) carries one error
 * list per alternative; the alternative with the fewest errors is the one the author meant.
 */
function leafErrors(errors: readonly ValidationError[]): ValidationError[] {
  return errors.flatMap((error) => {
    if (!error.states?.length) return [error];
    const closest = [...error.states].sort((a, b) => a.errors.length - b.errors.length)[0]!;
    return leafErrors(closest.errors);
  });
}

/** `/jobs/test/steps/2` → `['jobs', 'test', 'steps', 2]` (a JSON pointer, RFC 6901). */
function pointerPath(pointer: string): YamlPath {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function toProblem(workflow: YamlFile, error: ValidationError): Problem {
  const at = { check: id, file: workflow.file };
  if (error.location)
    return problem({ ...at, line: error.location.line, column: error.location.column, message: `not valid YAML: ${error.detail ?? error.title}`, hint: 'fix the YAML at that position' });
  const path = pointerPath(error.path ?? '');
  const unknownKey = /Additional property '([^']+)' is not allowed/.exec(error.detail ?? '')?.[1];
  const where = path.length ? path.join('.') : 'the top level';
  if (unknownKey) {
    return problem({
      ...at,
      line: workflow.lineOf([...path, unknownKey]) ?? workflow.lineOf(path),
      message: `unknown key "${unknownKey}" in ${where}`,
      hint: 'see the workflow syntax reference (docs.github.com, "Workflow syntax for GitHub Actions") for the keys allowed here',
    });
  }
  // A missing property is reported at its own (absent) path: point at the object that lacks it.
  const line = workflow.lineOf(path) ?? workflow.lineOf(path.slice(0, -1));
  return problem({ ...at, line, message: `${where}: ${error.detail ?? error.title}`, hint: 'see the workflow syntax reference (docs.github.com, "Workflow syntax for GitHub Actions")' });
}

/** Each workflow against the GitHub workflow schema: unknown keys, missing ones, wrong types. */
export function workflowProblems(workflow: YamlFile): Problem[] {
  return leafErrors(validator.validateWorkflow(workflow.text).errors).map((error) => toProblem(workflow, error));
}

export const workflowSchemaCheck: Check<Workspace> = {
  id,
  description: 'the GitHub workflows (never run here) against the GitHub workflow schema',
  async run({ workspace }) {
    const files = workspace.list(workflowsDir).filter((f) => /\.ya?ml$/.test(f));
    return files.flatMap((f) => workflowProblems(workspace.yaml(`${workflowsDir}/${f}`)));
  },
};
