import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editDistance } from '../sources/nearest-name.js';

/**
 * One doc page per check id, as pint has (docs/checks/<id>.md, e.g. docs/checks/logstash/syntax.md),
 * printed by `npm run check -- --explain <id>`. The docs ship with the harness, so they are read
 * beside this file, never from `--root` (another checkout's configs).
 */
export const checkDocsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'checks');

/** The four paragraphs every page has, in this order, each led by its bold title. */
export const docParts = ['What it finds', 'Why it matters', 'How to fix', 'How to silence'] as const;

export function checkDocPath(id: string, dir = checkDocsDir): string {
  return join(dir, `${id}.md`);
}

export function readCheckDoc(id: string, dir = checkDocsDir): string | undefined {
  const path = checkDocPath(id, dir);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * What is wrong with a page, or nothing: the title is `# <id>`, then each part is a paragraph
 * of its own starting `**<part>.**` and saying something after it.
 */
export function docFaults(id: string, text: string): string[] {
  const faults: string[] = [];
  if (text.split('\n')[0] !== `# ${id}`) faults.push(`the first line is not \`# ${id}\``);
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim());
  let last = -1;
  for (const part of docParts) {
    const at = paragraphs.findIndex((p) => p.startsWith(`**${part}.**`));
    if (at < 0) faults.push(`no paragraph starts with **${part}.**`);
    else if (paragraphs[at]!.slice(part.length + 5).trim().length < 40) faults.push(`the paragraph **${part}.** says almost nothing`);
    else if (at < last) faults.push(`**${part}.** is out of order (the parts are ${docParts.join(', ')})`);
    last = Math.max(last, at);
  }
  return faults;
}

/** Ids close to a mistyped one: same name in another family, a substring, or a few edits away. */
export function closeIds(wrong: string, ids: readonly string[]): string[] {
  const w = wrong.toLowerCase();
  const name = w.split('/').pop()!;
  const limit = Math.max(2, Math.ceil(w.length / 3));
  return ids
    .map((id) => ({ id, d: editDistance(w, id.toLowerCase()) }))
    .filter(({ id, d }) => d <= limit || (w.length >= 3 && id.includes(w)) || (name.length >= 3 && id.split('/').pop()!.includes(name)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 5)
    .map(({ id }) => id);
}
