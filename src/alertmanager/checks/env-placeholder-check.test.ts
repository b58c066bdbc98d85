import { checkContext } from '../../../tests/support/check-context.js';
import { describe, expect, it } from 'vitest';
import { YamlFile } from '../../sources/yaml-file.js';
import { alertmanagerEnvPlaceholderCheck, envPlaceholderProblems } from './env-placeholder-check.js';

const problemsOf = (text: string) => envPlaceholderProblems(YamlFile.parse('monitoring/alertmanager.yml', text));

describe('alertmanager/env-placeholder', () => {
  it('finds ${...} in values with line, column and the *_file field to use instead', () => {
    const problems = problemsOf(
      `# comments may say \${ENV}\nreceivers:\n  - name: slack\n    slack_configs:\n      - api_url: \${SLACK_URL}\n  - name: pd\n    pagerduty_configs:\n      - routing_key: "key-\${PD_KEY}"\n`,
    );
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [5, 18, '${SLACK_URL} in api_url is sent as written: Alertmanager does not expand it'],
      [8, 27, '${PD_KEY} in routing_key is sent as written: Alertmanager does not expand it'],
    ]);
    expect(problems[0]!.hint).toContain('use api_url_file instead of api_url');
    expect(problems[1]!.hint).toContain('use routing_key_file instead of routing_key');
  });

  it('explains that a webhook URL has no file variant in 0.25, and looks inside lists', () => {
    const [webhook, listed] = problemsOf(`receivers:\n  - name: w\n    webhook_configs: [{url: 'http://\${HOST}/x'}]\ntemplates: ['\${TEMPLATES}/*.tmpl']\n`);
    expect(webhook!.hint).toContain('no url_file before 0.26');
    expect(listed!.line).toBe(4);
  });

  it('passes the canonical config', async () => {
    const ctx = checkContext();
    expect(await alertmanagerEnvPlaceholderCheck.run(ctx)).toEqual([]);
  });
});
