import type { Workspace } from '../workspace/workspace.js';
import { join } from 'node:path';
import type { Check } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import type { SourceFiles } from '../sources/source-files.js';
import { composeFile } from '../engines/image-pins.js';
import { splitImage } from './image-pins-agree-check.js';

const id = 'deploy/doc-pins';

/** The docs that state versions: the READMEs' tables, the on-call guide. */
const docFiles = ['README.md', 'MONITORING_QUICKSTART.md', 'monitoring/README.md', 'docs'];

/** Engines the prose names without their image (`Prometheus v3.5.3` in a table). */
const proseNames: Record<string, RegExp> = {
  'prom/prometheus': /\bPrometheus v(\d+\.\d+\.\d+)\b/g,
  'prom/alertmanager': /\bAlertmanager v(\d+\.\d+\.\d+)\b/g,
  'prom/node-exporter': /\bnode[ _]exporter v(\d+\.\d+\.\d+)\b/gi,
  'prom/mysqld-exporter': /\bmysqld[ _]exporter v(\d+\.\d+\.\d+)\b/gi,
};

/**
 * Every version the docs state for a pinned image (`prom/prometheus:v3.5.3`, or `Prometheus
 * v3.5.3` in prose) is the compose pin: a version table that lags behind the pins tells a
 * user to deploy what the suite no longer proves.
 */
export function docPinsAgree(pins: ReadonlyMap<string, string>, docs: readonly { file: string; text: string }[]): Problem[] {
  const problems: Problem[] = [];
  for (const doc of docs) {
    doc.text.split('\n').forEach((line, i) => {
      for (const [repository, tag] of pins) {
        const escaped = repository.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        const stated = [...line.matchAll(new RegExp(`(?<![\\w./-])${escaped}:([\\w.-]+)`, 'g'))].map((m) => m[1]!);
        const prose = proseNames[repository];
        if (prose) stated.push(...[...line.matchAll(prose)].map((m) => `v${m[1]!}`));
        for (const said of stated.filter((t) => t.replace(/^v/, '') !== tag.replace(/^v/, ''))) {
          problems.push(
            problem({
              check: id,
              file: doc.file,
              line: i + 1,
              message: `states ${repository} ${said}, but ${composeFile} pins ${repository}:${tag}`,
              hint: `write ${tag}: the version the test suite exercises (or move the pin, and k8s/ with it)`,
            }),
          );
        }
      }
    });
  }
  return problems;
}

function markdownFiles(files: SourceFiles, path: string): string[] {
  if (!files.exists(path)) return [];
  if (path.endsWith('.md')) return [path];
  return files.list(path).flatMap((name) => (files.isDirectory(join(path, name)) ? markdownFiles(files, join(path, name)) : name.endsWith('.md') ? [join(path, name)] : []));
}

export const docPinsCheck: Check<Workspace> = {
  id,
  description: 'the READMEs and docs state the image versions the compose file pins',
  async run({ workspace }) {
    const services = ((workspace.compose().data ?? {}) as { services?: Record<string, { image?: unknown }> }).services ?? {};
    const pins = new Map<string, string>();
    for (const spec of Object.values(services)) {
      if (typeof spec?.image !== 'string') continue;
      const { repository, tag } = splitImage(spec.image);
      if (tag) pins.set(repository, tag);
    }
    const docs = docFiles.flatMap((path) => markdownFiles(workspace, path)).map((file) => ({ file, text: workspace.text(file) }));
    return docPinsAgree(pins, docs);
  },
};
