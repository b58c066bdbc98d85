import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import { nearestName } from '../../sources/nearest-name.js';
import { defaultTemplateNames } from '../default-template-names.js';
import { templateFilesOf } from '../mount-paths.js';
import { templateReferences, type TemplateReference } from '../template-references.js';

const id = 'alertmanager/template-references';

/**
 * Every `{{ template "x" }}`, in alertmanager.yml or in a template file, names a template that
 * is defined: by our templates or by Alertmanager's own default.tmpl. amtool check-config lets
 * an undefined one through and Alertmanager then fails each notification that renders it
 * (alertmanager#3490); this finds it before anything is deployed. A name defined twice is
 * reported too: the file loaded last silently wins.
 */
export function templateReferenceProblems(references: readonly TemplateReference[]): Problem[] {
  const problems: Problem[] = [];
  const defined = new Map<string, TemplateReference>();
  for (const ref of references.filter((r) => r.kind === 'define')) {
    const earlier = defined.get(ref.name);
    if (earlier) {
      problems.push(
        problem({
          check: id,
          file: ref.file,
          line: ref.line,
          severity: 'warning',
          message: `template "${ref.name}" is defined again (first at ${earlier.file}:${earlier.line}); the file loaded last wins`,
          hint: 'keep one definition, or give one of them another name',
        }),
      );
    } else defined.set(ref.name, ref);
  }
  const known = [...defined.keys(), ...defaultTemplateNames];
  for (const ref of references.filter((r) => r.kind === 'template')) {
    if (defined.has(ref.name) || defaultTemplateNames.has(ref.name)) continue;
    const guess = nearestName(ref.name, known);
    problems.push(
      problem({
        check: id,
        file: ref.file,
        line: ref.line,
        message: `template "${ref.name}" is not defined; every notification that renders it would fail`,
        hint: guess ? `did you mean "${guess}"?` : 'define it in a file under monitoring/alertmanager/templates/, or call one that exists',
      }),
    );
  }
  return problems;
}

export const alertmanagerTemplateReferencesCheck: Check<Workspace> = {
  id,
  description: 'every template alertmanager.yml and its templates call is defined',
  async run({ workspace }) {
    const config = workspace.alertmanager();
    const references: TemplateReference[] = [];
    const globs = ((config.yaml.data as { templates?: unknown } | null)?.templates ?? []) as unknown[];
    globs.forEach((glob, i) => {
      if (typeof glob !== 'string') return;
      for (const file of templateFilesOf(glob, config.yaml.file, config.yaml.lineOf(['templates', i]), workspace)) {
        references.push(...templateReferences(workspace.text(file.repo), file.repo));
      }
    });
    references.push(...templateReferences(config.yaml.text, config.yaml.file));
    return templateReferenceProblems(references);
  },
};
