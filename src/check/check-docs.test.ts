import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChecks } from './all-checks.js';
import { checkDocsDir, closeIds, docFaults, readCheckDoc } from './check-docs.js';
import { parseSilences, silenceCheckId } from './silences.js';

// A new check without a page fails here, and so does a page left behind by a removed check.
const ids = [...allChecks.map((c) => c.id), silenceCheckId];

function pages(dir = checkDocsDir): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? pages(path) : [relative(checkDocsDir, path)];
  });
}

describe('docs/checks: one page per check id', () => {
  it.each(ids)('%s has docs/checks/<id>.md with what it finds, why it matters, how to fix, how to silence', (id) => {
    const doc = readCheckDoc(id);
    expect(doc, `write docs/checks/${id}.md (see docs/checks/README.md for the shape)`).toBeDefined();
    expect(docFaults(id, doc!)).toEqual([]);
    // A page's examples must not silence anything themselves.
    expect(parseSilences(`docs/checks/${id}.md`, doc!, ids)).toEqual({ silences: [], problems: [] });
  });

  it('has no page for an id no check has, and lists every id in its README', () => {
    const orphans = pages().filter((p) => p !== 'README.md' && !ids.includes(p.replace(/\.md$/, '')));
    expect(orphans, 'a page whose check is gone (or misnamed): remove or rename it').toEqual([]);
    const readme = readFileSync(join(checkDocsDir, 'README.md'), 'utf8');
    expect(ids.filter((id) => !readme.includes(`[${id}](${id}.md)`))).toEqual([]);
  });
});

describe('docFaults and closeIds', () => {
  const body = 'x'.repeat(50);
  const good = ['# a/b', '', `**What it finds.** ${body}`, '', `**Why it matters.** ${body}`, '', `**How to fix.** ${body}`, '', `**How to silence.** ${body}`].join('\n');

  it('accepts the four parts in order and names each fault', () => {
    expect(docFaults('a/b', good)).toEqual([]);
    expect(docFaults('a/c', good.replace('**How to fix.**', '**Fix.**'))).toEqual(['the first line is not `# a/c`', 'no paragraph starts with **How to fix.**']);
    expect(docFaults('a/b', good.replace(`**Why it matters.** ${body}`, '**Why it matters.** it does'))).toEqual(['the paragraph **Why it matters.** says almost nothing']);
  });

  it('names close ids for a typo, a bare name and a family', () => {
    expect(closeIds('logstash/syntx', ids)[0]).toBe('logstash/syntax');
    expect(closeIds('syntax', ids)).toEqual(expect.arrayContaining(['config/syntax', 'logstash/syntax']));
    expect(closeIds('nothing-like-it-at-all', ids)).toEqual([]);
  });
});
