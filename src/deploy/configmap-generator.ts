import { Document, isMap, isScalar, Scalar } from 'yaml';
import { ConfigError } from '../sources/config-error.js';
import type { YamlFile } from '../sources/yaml-file.js';
import { expandPattern, readSource, sourcePatterns } from './configmap-sources.js';
import { k8sObjects } from './k8s-manifests.js';

/**
 * Rewrites the `data` of every ConfigMap that names its sources (configmap-sources.ts) with
 * those files' exact contents. Only the text of each `data:` entry is replaced, so every other
 * byte of the manifest (comments, flow style, octal-looking numbers) stays as written.
 * Returns the new text, and a ConfigError for each source that is missing (its key is left
 * out, so the rest of the file is still brought up to date).
 */
export function regenerateConfigMaps(file: YamlFile): { text: string; missing: ConfigError[] } {
  const missing: ConfigError[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  for (const object of k8sObjects([file])) {
    const patterns = object.kind === 'ConfigMap' ? sourcePatterns(object) : undefined;
    if (!patterns) continue;
    const data: Record<string, Scalar> = {};
    for (const source of patterns.flatMap((pattern) => expandPattern(pattern))) {
      const content = readSource(source.path);
      if (content === undefined) {
        const line = file.lineOf(['metadata', 'annotations'], object.doc);
        missing.push(
          new ConfigError(file.file, `ConfigMap/${object.name} names ${source.path}, which does not exist`, 'fix the path in the timetable.school/sources annotation, or create the file', line),
        );
        continue;
      }
      // A literal block keeps the file byte for byte (yaml picks the chomping indicator).
      const value = new Scalar(content);
      value.type = Scalar.BLOCK_LITERAL;
      data[source.key] = value;
    }
    const block = new Document({ data }).toString({ lineWidth: 0 });
    const root = file.documents[object.doc]!.contents;
    const pair = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === 'data') : undefined;
    const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
    const valueRange = (pair?.value as { range?: [number, number, number] } | null | undefined)?.range;
    if (keyRange && valueRange) edits.push({ start: keyRange[0], end: valueRange[2], text: block });
    else {
      // No `data:` yet: append it at the end of the object.
      const end = file.documents[object.doc]!.range[1];
      edits.push({ start: end, end, text: block });
    }
  }
  let text = file.text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return { text, missing };
}
