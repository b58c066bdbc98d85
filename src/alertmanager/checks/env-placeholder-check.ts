import type { Workspace } from '../../workspace/workspace.js';
import { isPair, isScalar, visit, type Scalar } from 'yaml';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import type { YamlFile } from '../../sources/yaml-file.js';

const id = 'alertmanager/env-placeholder';

/** Secret-bearing fields of Alertmanager 0.25 and the field that reads the same value from a file. */
const fileFieldFor: Record<string, string> = {
  api_url: 'api_url_file',
  slack_api_url: 'slack_api_url_file',
  routing_key: 'routing_key_file',
  service_key: 'service_key_file',
  auth_password: 'auth_password_file',
  smtp_auth_password: 'smtp_auth_password_file',
  opsgenie_api_key: 'opsgenie_api_key_file',
  api_key: 'api_key_file',
  victorops_api_key: 'victorops_api_key_file',
  password: 'password_file',
  bearer_token: 'bearer_token_file',
};

/**
 * `${...}` anywhere in a value of alertmanager.yml. Alertmanager 0.25 does not expand
 * environment variables, so the placeholder is sent as written: a webhook URL of
 * "${SLACK_URL}" fails every notification, silently until the first alert.
 * Comments are not values and may mention ${ENV} freely.
 */
export function envPlaceholderProblems(yaml: YamlFile): Problem[] {
  const problems: Problem[] = [];
  for (const document of yaml.documents) {
    visit(document, {
      Pair(_, pair) {
        if (!isScalar(pair.value) || typeof pair.value.value !== 'string') return;
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const found = /\$\{[^}]*\}/.exec(pair.value.value);
        if (found) problems.push(placeholderProblem(yaml, key, pair.value as Scalar<string>, found[0]));
      },
      Seq(_, seq) {
        for (const item of seq.items) {
          if (isPair(item) || !isScalar(item) || typeof item.value !== 'string') continue;
          const found = /\$\{[^}]*\}/.exec(item.value);
          if (found) problems.push(placeholderProblem(yaml, '', item as Scalar<string>, found[0]));
        }
      },
    });
  }
  return problems;
}

function placeholderProblem(yaml: YamlFile, key: string, node: Scalar<string>, placeholder: string): Problem {
  const offset = node.range?.[0] ?? 0;
  const line = yaml.lineAt(offset);
  const column = columnOf(yaml, line, placeholder);
  const fileField = fileFieldFor[key];
  const hint = fileField
    ? `Alertmanager 0.25 does not expand environment variables: put the secret in a file the deployment mounts and use ${fileField} instead of ${key}`
    : key === 'url'
      ? 'Alertmanager 0.25 does not expand environment variables, and webhook_configs has no url_file before 0.26: write the URL itself, or use a receiver type with a *_file field'
      : "Alertmanager 0.25 does not expand environment variables: write the value itself, or read it from a file with the field's *_file variant";
  return problem({ check: id, file: yaml.file, line, column, message: `${placeholder} in ${key || 'a value'} is sent as written: Alertmanager does not expand it`, hint });
}

function columnOf(yaml: YamlFile, line: number, text: string): number | undefined {
  const index = yaml.lines[line - 1]?.indexOf(text) ?? -1;
  return index >= 0 ? index + 1 : undefined;
}

export const alertmanagerEnvPlaceholderCheck: Check<Workspace> = {
  id,
  description: 'alertmanager.yml has no ${...} placeholders (Alertmanager 0.25 never expands them; use *_file fields)',
  async run({ workspace }) {
    return envPlaceholderProblems(workspace.alertmanagerFile());
  },
};
