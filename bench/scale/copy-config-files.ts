import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parse, parseDocument, Scalar, type Document } from 'yaml';
import type { CopyNames } from './copy-names.js';

/**
 * Copy k of the rule files: their groups, renamed, appended to the same file (so prometheus.yml,
 * the ConfigMaps and every loader keep reading the files they know).
 */
export function appendRuleGroups(root: string, copies: CopyNames[]): void {
  for (const file of ['monitoring/alert_rules.yml', 'monitoring/recording_rules.yml']) {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    const at = text.search(/^groups:\s*$/m);
    if (at < 0) throw new Error(`${file}: no top-level "groups:" line to copy the groups from`);
    const body = text.slice(text.indexOf('\n', at) + 1).replace(/\s*$/, '\n');
    const copied = copies.map((c) => c.rename(body).replace(/^(\s*- name: )(\S+)\s*$/gm, (_m, lead: string, name: string) => `${lead}${c.group(name)}`));
    writeFileSync(path, `${text.replace(/\s*$/, '\n')}${copied.map((c) => `\n${c}`).join('')}`);
  }
}

/**
 * Copy k of alertmanager.yml's routing: every route and inhibit rule that names alerts gets a
 * renamed twin (a route right after its original, since routes match in order), and a negative
 * alertname matcher (`alertname!="X"`) is widened to every copy of X, so the original rule means
 * what it meant for every copy and no more.
 */
export function copyRouting(root: string, copies: CopyNames[]): void {
  const path = join(root, 'monitoring/alertmanager.yml');
  const doc = parseDocument(readFileSync(path, 'utf8'));
  const routes = doc.getIn(['route', 'routes']);
  if (isSeq(routes)) routes.items = routes.items.flatMap((item) => [item, ...twins(doc, item, copies)]);
  const inhibit = doc.get('inhibit_rules');
  if (isSeq(inhibit)) {
    for (const item of inhibit.items) widenNegatives(item, copies);
    inhibit.items = inhibit.items.flatMap((item) => [item, ...(namesAlerts(item, true) ? twins(doc, item, copies) : [])]);
  }
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
}

function namesAlerts(item: unknown, positiveOnly = false): boolean {
  const text = JSON.stringify(isMap(item) ? item.toJSON() : item);
  return positiveOnly ? /alertname=~?\\?"/.test(text) : /alertname!?=~?/.test(text);
}

function twins(doc: Document, item: unknown, copies: CopyNames[]): unknown[] {
  if (!isMap(item) || !namesAlerts(item, true)) return [];
  const json = JSON.stringify(item.toJSON());
  return copies.map((c) => doc.createNode(JSON.parse(c.rename(json))));
}

function widenNegatives(item: unknown, copies: CopyNames[]): void {
  if (!isMap(item)) return;
  for (const key of ['source_matchers', 'target_matchers']) {
    const list = item.get(key);
    if (!isSeq(list)) continue;
    list.items = list.items.map((m) => {
      const text = String((m as { value?: unknown }).value ?? m);
      const negative = /^alertname!=~?"(.*)"$/.exec(text);
      if (!negative) return m;
      const names = negative[1]!.split('|');
      const all = [...names, ...copies.flatMap((c) => names.map((n) => c.rename(n)))];
      return new Scalar(`alertname!~"${all.join('|')}"`);
    }) as typeof list.items;
  }
}

/**
 * Pipeline log cases, each appended once per copy with its name marked. Redaction canaries are
 * not copied: each must carry a secret of its own (log-fixtures.ts), and a secret's shape is what
 * redact.rb recognises (a card's Luhn digit, a vendor prefix), so renaming one is not neutral.
 */
export function copyLogCases(root: string, copies: CopyNames[]): void {
  for (const [file, key] of [['fixtures/logs/pipeline-cases.yaml', 'cases']] as const) {
    const path = join(root, file);
    const doc = parseDocument(readFileSync(path, 'utf8'));
    const list = doc.get(key);
    if (!isSeq(list)) throw new Error(`${file}: no "${key}:" list to copy`);
    const originals = (parse(readFileSync(path, 'utf8')) as Record<string, { name: string }[]>)[key]!;
    for (const c of copies) for (const entry of originals) list.items.push(doc.createNode({ ...entry, name: `${entry.name} (copy ${c.k})` }) as never);
    writeFileSync(path, doc.toString({ lineWidth: 0 }));
  }
}
