import type { Workspace } from '../workspace/workspace.js';
import type { Check } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import type { YamlFile } from '../sources/yaml-file.js';
import { expandPattern, filesK8sMustCarry, readSource, sourcePatterns, sourcesAnnotation } from './configmap-sources.js';
import type { SourceFiles } from '../sources/source-files.js';
import { k8sObjects, lineIn, objectName } from './k8s-manifests.js';

const id = 'deploy/configmap-drift';
const fix = 'run `npm run generate:k8s`, which writes the monitoring/ files into the ConfigMaps';

/**
 * The ConfigMaps of k8s/ must carry the monitoring/ files byte for byte, and every file that
 * Kubernetes needs must be carried by one of them. Checked directly (no git needed), with
 * `npm run generate:k8s` as the fix.
 */
export function configMapDrift(manifests: readonly YamlFile[], mustCarry: readonly string[] = filesK8sMustCarry, files?: SourceFiles): Problem[] {
  const problems: Problem[] = [];
  const carried = new Set<string>();
  for (const object of k8sObjects(manifests).filter((o) => o.kind === 'ConfigMap')) {
    const at = (path: (string | number)[]) => ({ check: id, file: object.file.file, line: lineIn(object, path) });
    const patterns = sourcePatterns(object);
    if (!patterns) {
      problems.push(
        problem({
          ...at(['metadata']),
          severity: 'warning',
          message: `${objectName(object)} does not say which files it carries, so nothing checks its content`,
          hint: `add the annotation ${sourcesAnnotation}: <repo path or dir/*.ext>`,
        }),
      );
      continue;
    }
    const data = (object.data.data ?? {}) as Record<string, unknown>;
    const expected = new Set<string>();
    for (const source of patterns.flatMap((pattern) => expandPattern(pattern, files))) {
      expected.add(source.key);
      carried.add(source.path);
      const content = readSource(source.path, files);
      if (content === undefined) {
        problems.push(
          problem({
            ...at(['metadata', 'annotations', sourcesAnnotation]),
            message: `${objectName(object)} carries ${source.path}, which does not exist`,
            hint: `create ${source.path}, or fix the annotation`,
          }),
        );
      } else if (!(source.key in data)) {
        problems.push(problem({ ...at(['data']), message: `${objectName(object)} has no key "${source.key}" for ${source.path}`, hint: fix }));
      } else if (data[source.key] !== content) {
        const line = firstDifferentLine(String(data[source.key]), content);
        problems.push(problem({ ...at(['data', source.key]), message: `${objectName(object)} key "${source.key}" differs from ${source.path} (first at line ${line} of that file)`, hint: fix }));
      }
    }
    for (const key of Object.keys(data).filter((k) => !expected.has(k))) {
      problems.push(
        problem({
          ...at(['data', key]),
          message: `${objectName(object)} key "${key}" comes from no file its annotation names`,
          hint: `add its file to ${sourcesAnnotation}, or remove the key (${fix})`,
        }),
      );
    }
  }
  for (const path of mustCarry.flatMap((pattern) => expandPattern(pattern, files)).map((s) => s.path)) {
    if (carried.has(path) || readSource(path, files) === undefined) continue;
    problems.push(
      problem({
        check: id,
        file: path,
        message: `no ConfigMap in k8s/ carries ${path}, so Kubernetes runs without it`,
        hint: `name it in the ${sourcesAnnotation} annotation of a ConfigMap mounted where the container expects it, then ${fix}`,
      }),
    );
  }
  return problems;
}

function firstDifferentLine(actual: string, expected: string): number {
  const a = actual.split('\n');
  const e = expected.split('\n');
  let i = 0;
  while (i < Math.max(a.length, e.length) && a[i] === e[i]) i++;
  return i + 1;
}

export const configMapDriftCheck: Check<Workspace> = {
  id,
  description: 'k8s ConfigMaps carry the monitoring/ files exactly (fix: npm run generate:k8s)',
  run: async ({ workspace }) => configMapDrift(workspace.manifests(), filesK8sMustCarry, workspace),
};
