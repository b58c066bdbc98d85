import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CopyNames } from './copy-names.js';

/**
 * The per-alert and per-scenario files of copy k, each a renamed twin beside its original:
 * rule tests (fixtures/rules), runbooks, incidents, routing scenarios and dashboards. Names
 * inside them (alerts, records) are renamed; a dashboard also gets its own uid and title,
 * which Grafana requires to be unique.
 */
export function copyFixtureFiles(root: string, copies: CopyNames[]): void {
  const alertNamed = (c: CopyNames) => (file: string) => file.replace(/^(\w+)(\.\w+)$/, (_m, name: string, ext: string) => `${c.alert(name)}${ext}`);
  const suffixed = (c: CopyNames) => (file: string) => file.replace(/(\.\w+)$/, `-s${c.k}$1`);
  const sets: { dir: string; ext: RegExp; name: (c: CopyNames) => (file: string) => string; edit?: (c: CopyNames, text: string) => string }[] = [
    { dir: 'fixtures/rules/alerts', ext: /\.ya?ml$/, name: alertNamed },
    { dir: 'fixtures/rules/recording', ext: /\.ya?ml$/, name: suffixed },
    { dir: 'docs/runbooks', ext: /\.md$/, name: alertNamed },
    { dir: 'fixtures/incidents', ext: /\.ya?ml$/, name: suffixed },
    { dir: 'fixtures/routing', ext: /\.ya?ml$/, name: suffixed },
    { dir: 'monitoring/grafana/dashboards', ext: /\.json$/, name: suffixed, edit: dashboard },
  ];
  for (const set of sets) {
    const dir = join(root, set.dir);
    const originals = readdirSync(dir).filter((f) => set.ext.test(f));
    for (const c of copies) {
      for (const file of originals) {
        const text = c.rename(readFileSync(join(dir, file), 'utf8'));
        writeFileSync(join(dir, set.name(c)(file)), set.edit ? set.edit(c, text) : text);
      }
    }
  }
}

function dashboard(c: CopyNames, text: string): string {
  const json = JSON.parse(text) as { uid: string; title: string };
  json.uid = `${json.uid}-s${c.k}`;
  json.title = `${json.title} (copy ${c.k})`;
  return `${JSON.stringify(json, null, 2)}\n`;
}
