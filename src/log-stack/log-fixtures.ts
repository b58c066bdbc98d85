import { Ajv } from 'ajv';
import type { FromSchema } from 'json-schema-to-ts';
import { ConfigError } from '../sources/config-error.js';
import { YamlFile } from '../sources/yaml-file.js';
import { canariesSchema, canaryKinds, canaryPlaces, pipelineCasesSchema } from './log-fixture-schema.js';
import { schemaError } from '../sources/schema-error.js';

export const pipelineCasesFile = 'fixtures/logs/pipeline-cases.yaml';
export const canariesFile = 'fixtures/logs/redaction-canaries.yaml';

/** A case of fixtures/logs/pipeline-cases.yaml: its type is its schema's, plus where it starts. */
export type PipelineCase = FromSchema<typeof pipelineCasesSchema>['cases'][number] & {
  /** Where the case starts, for failure messages. */
  line: number;
};

/** A canary of fixtures/logs/redaction-canaries.yaml, typed from its schema, plus its line number. */
export type Canary = FromSchema<typeof canariesSchema>['canaries'][number] & { at: number };

const ajv = new Ajv({ allErrors: true, verbose: true });
const validateCases = ajv.compile(pipelineCasesSchema);
const validateCanaries = ajv.compile(canariesSchema);

/** fixtures/logs/pipeline-cases.yaml, checked: schema, and {{id}} in each case's first line. */
export function loadPipelineCases(path = pipelineCasesFile): PipelineCase[] {
  const yaml = YamlFile.load(path, 'the pipeline test cases');
  if (!validateCases(yaml.data)) throw schemaError(yaml, validateCases.errors ?? [], 'the comment at the top of the file');
  const cases = (yaml.data as { cases: Omit<PipelineCase, 'line'>[] }).cases;
  return cases.map((c, i) => {
    if (!c.lines[0]!.includes('{{id}}')) {
      throw new ConfigError(
        yaml.file,
        `case "${c.name}": its first line has no {{id}}`,
        'put {{id}} in the first line: the test finds the events of a case by it',
        yaml.valueLineOf(['cases', i, 'lines', 0]),
      );
    }
    return { ...c, line: yaml.lineOf(['cases', i]) ?? 1 };
  });
}

/**
 * fixtures/logs/redaction-canaries.yaml, checked: schema; each line carries {{id}} and its
 * secret; secrets are unique; every kind is tried in two places at least, every place once.
 */
export function loadCanaries(path = canariesFile): Canary[] {
  const yaml = YamlFile.load(path, 'the redaction canaries');
  if (!validateCanaries(yaml.data)) throw schemaError(yaml, validateCanaries.errors ?? [], 'the comment at the top of the file');
  const canaries = (yaml.data as { canaries: Omit<Canary, 'at'>[] }).canaries.map((c, i) => ({ ...c, at: yaml.lineOf(['canaries', i]) ?? 1 }));
  const seen = new Map<string, number>();
  canaries.forEach((c, i) => {
    const lineAt = yaml.valueLineOf(['canaries', i, 'line']);
    if (!c.line.includes('{{id}}')) throw new ConfigError(yaml.file, `canary "${c.name}": its line has no {{id}}`, 'put {{id}} in the line: the test finds the event by it', lineAt);
    if (!renderCanary(c, 'x').includes(c.secret))
      throw new ConfigError(yaml.file, `canary "${c.name}": its line does not contain its secret`, 'write {{secret}} where the secret goes, or the secret itself', lineAt);
    const earlier = seen.get(c.secret);
    if (earlier !== undefined)
      throw new ConfigError(yaml.file, `canary "${c.name}" reuses the secret of the canary at line ${earlier}`, 'give every canary its own secret, so a leak names its case', c.at);
    seen.set(c.secret, c.at);
  });
  for (const kind of canaryKinds) {
    const places = new Set(canaries.filter((c) => c.kind === kind).flatMap((c) => c.where));
    if (places.size < 2)
      throw new ConfigError(
        yaml.file,
        `the ${kind} secrets are tried in ${places.size ? `only one place (${[...places].join('')})` : 'no place'}`,
        `add a ${kind} canary in another of: ${canaryPlaces.join(', ')}`,
        1,
      );
  }
  for (const place of canaryPlaces) {
    if (!canaries.some((c) => c.where.includes(place))) throw new ConfigError(yaml.file, `no canary is placed in ${place}`, `add one with where: [${place}]`, 1);
  }
  return canaries;
}

/** The line of a canary as sent: its id and secret filled in. */
export function renderCanary(canary: Pick<Canary, 'line' | 'secret'>, id: string): string {
  return canary.line.replaceAll('{{id}}', id).replaceAll('{{secret}}', canary.secret);
}
