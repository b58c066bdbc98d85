import { checkContext } from '../../../tests/support/check-context.js';
import { describe, expect, it } from 'vitest';
import { templateReferences } from '../template-references.js';
import { alertmanagerTemplateReferencesCheck, templateReferenceProblems } from './template-references-check.js';

const ctx = checkContext();

describe('alertmanager/template-references', () => {
  it('is clean on the canonical config and templates', async () => {
    expect(await alertmanagerTemplateReferencesCheck.run(ctx)).toEqual([]);
  });

  it('names an undefined template at its line, with the nearest defined name', () => {
    const refs = [
      ...templateReferences('{{ define "timetable.slack.title" }}x{{ end }}\n', 'monitoring/alertmanager/templates/slack.tmpl'),
      ...templateReferences('receivers:\n  - name: s\n    slack_configs:\n      - title: \'{{ template "timetable.slack.titel" . }}\'\n', 'monitoring/alertmanager.yml'),
    ];
    expect(templateReferenceProblems(refs)).toEqual([
      expect.objectContaining({
        file: 'monitoring/alertmanager.yml',
        line: 4,
        message: 'template "timetable.slack.titel" is not defined; every notification that renders it would fail',
        hint: 'did you mean "timetable.slack.title"?',
      }),
    ]);
  });

  it("accepts Alertmanager's own default templates and trim markers", () => {
    const refs = templateReferences('{{- template "__alertmanagerURL" . -}} {{template "slack.default.text" .}}', 'x.tmpl');
    expect(refs.map((r) => r.name)).toEqual(['__alertmanagerURL', 'slack.default.text']);
    expect(templateReferenceProblems(refs)).toEqual([]);
  });

  it('warns when a name is defined twice, since the last file loaded wins', () => {
    const refs = [...templateReferences('{{ define "a" }}1{{ end }}', 'one.tmpl'), ...templateReferences('\n{{ define "a" }}2{{ end }}', 'two.tmpl')];
    expect(templateReferenceProblems(refs)).toEqual([
      expect.objectContaining({ file: 'two.tmpl', line: 2, severity: 'warning', message: 'template "a" is defined again (first at one.tmpl:1); the file loaded last wins' }),
    ]);
  });
});
