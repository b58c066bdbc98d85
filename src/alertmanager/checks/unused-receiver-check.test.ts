import { checkContext } from '../../../tests/support/check-context.js';
import { describe, expect, it } from 'vitest';
import { YamlFile } from '../../sources/yaml-file.js';
import { readAlertmanagerConfig } from '../alertmanager-config.js';
import { alertmanagerUnusedReceiverCheck, unusedReceiverProblems } from './unused-receiver-check.js';

const problemsOf = (text: string) => unusedReceiverProblems(readAlertmanagerConfig(YamlFile.parse('monitoring/alertmanager.yml', text)));

describe('alertmanager/unused-receiver', () => {
  it('reports a receiver no route names, at its name', () => {
    const problems = problemsOf(`route:\n  receiver: a\n  routes:\n    - receiver: b\nreceivers:\n  - name: a\n  - name: b\n  - name: old-pager\n`);
    expect(problems.map((p) => [p.line, p.message])).toEqual([[8, 'receiver old-pager is not used by any route']]);
    expect(problems[0]!.hint).toContain('routes use: a, b');
  });

  it('counts the root receiver and nested routes as uses', () => {
    expect(problemsOf(`route:\n  receiver: a\n  routes:\n    - routes:\n        - receiver: c\nreceivers: [{name: a}, {name: c}]\n`)).toEqual([]);
  });

  it('passes the canonical config', async () => {
    expect(await alertmanagerUnusedReceiverCheck.run(checkContext())).toEqual([]);
  });
});
