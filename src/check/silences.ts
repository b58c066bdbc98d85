import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { nearestName } from '../sources/nearest-name.js';
import { location } from '../sources/location.js';
import type { Problem } from './problem.js';

/**
 * Silencing a finding in the file it is about, as pint's `# pint disable` comments do
 * (https://cloudflare.github.io/pint/ignoring.html; pint/comment reports a control comment it
 * cannot use, as `check/silence` does here):
 *
 *   expr: up == 0  # check: ignore rules/unknown-metric -- exported by the sidecar, not the app
 *   # check: ignore-file deploy/security -- a throwaway demo stack, never deployed
 *
 * `ignore` after code covers that line; alone on its line, it covers the next line that is not
 * itself a silence (so silences stack above one line). `ignore-file` covers the whole file,
 * including findings without a line. The reason after ` -- ` is required: a silence without one is an error and silences
 * nothing, so a problem can never be hidden without saying why. A silence whose check ran and
 * found nothing there is stale and reported, so silences do not outlive what they excused.
 *
 * The comment is the file's own: `#` (YAML, Logstash, shell), `<!-- -->` (Markdown, outside
 * fenced code), `{{/* *\/}}` (Go templates), `//` (TypeScript). JSON has no comments: a finding
 * in a JSON file cannot be silenced; fix it, or fix the check.
 */
export const silenceCheckId = 'check/silence';

export interface Silence {
  file: string;
  line: number;
  checkId: string;
  scope: 'line' | 'file';
  reason: string;
  /** The line it covers (scope 'line'): its own when it follows code, else the next line of code. */
  target: number;
}

export interface Silenced {
  problem: Problem;
  reason: string;
  /** Where the silence is, file:line. */
  at: string;
}

const carriers: { ext: RegExp; open: string }[] = [
  { ext: /\.json$/i, open: '' },
  { ext: /\.(md|html?)$/i, open: '<!--' },
  { ext: /\.tmpl$/i, open: '\\{\\{-?\\s*/\\*' },
  { ext: /\.[cm]?[jt]s$/i, open: '//' },
  { ext: /./, open: '#' },
];
const directiveAfter = (open: string) => new RegExp(`(?:^|\\s)${open}\\s*check:\\s*(\\S*)(.*)$`);
const closers = /\s*(?:-->|\*\/\s*-?\}\})\s*$/;

/** The silences of one file, and a problem for each one that is malformed. */
export function parseSilences(file: string, text: string, knownIds?: readonly string[]): { silences: Silence[]; problems: Problem[] } {
  const open = carriers.find((c) => c.ext.test(file))!.open;
  const out = { silences: [] as Silence[], problems: [] as Problem[] };
  if (!open || !text.includes('check:')) return out;
  const pattern = directiveAfter(open);
  const lines = text.split('\n');
  const found: Omit<Silence, 'target'>[] = [];
  const alone = new Set<number>();
  let fenced = false;
  lines.forEach((text, i) => {
    if (open === '<!--' && /^\s*(```|~~~)/.test(text)) fenced = !fenced;
    const match = fenced ? null : pattern.exec(text);
    if (!match) return;
    const line = i + 1;
    // Malformed or not, a silence alone on its line is no code for the one above to cover.
    if (text.slice(0, match.index).trim() === '') alone.add(line);
    const bad = (message: string, hint: string) => out.problems.push({ check: silenceCheckId, file, line, message, hint, severity: 'error' });
    const verb = match[1]!;
    const [idPart, ...reasonParts] = match[2]!.replace(closers, '').split(/\s--(?:\s|$)/);
    const checkId = idPart!.trim();
    const reason = reasonParts.join(' -- ').trim();
    if (verb !== 'ignore' && verb !== 'ignore-file')
      return bad(
        `unknown silence \`check: ${verb}\``,
        'write `check: ignore <check-id> -- <reason>` (this line, or the next when alone on its line) or `check: ignore-file <check-id> -- <reason>` (the whole file)',
      );
    if (!/^[\w.-]+\/[\w./-]+$/.test(checkId)) return bad(`silence names no check id (\`${checkId}\`)`, `write \`check: ${verb} <check-id> -- <reason>\`; \`npm run check -- --list\` lists the ids`);
    if (knownIds && !knownIds.includes(checkId)) {
      const near = nearestName(checkId, knownIds);
      return bad(`silence names ${checkId}, which is no check`, near ? `did you mean ${near}?` : 'see `npm run check -- --list` for the ids');
    }
    if (!reason) return bad(`silence of ${checkId} gives no reason, so it silences nothing`, `say why the finding is acceptable here: \`check: ${verb} ${checkId} -- <reason>\``);
    found.push({ file, line, checkId, scope: verb === 'ignore' ? 'line' : 'file', reason });
  });
  for (const s of found) {
    // A silence alone on its line is about the next line of code; one after code, about its own line.
    let target = alone.has(s.line) ? s.line + 1 : s.line;
    while (target !== s.line && alone.has(target)) target++;
    out.silences.push({ ...s, target });
  }
  return out;
}

/**
 * Splits problems into those that stand and those a silence covers, and adds a warning for
 * each stale silence: its check ran here (`ran`) and it covered nothing. Problems of
 * `check/silence` itself cannot be silenced.
 */
export function applySilences(problems: readonly Problem[], silences: readonly Silence[], ran: ReadonlySet<string>): { problems: Problem[]; silenced: Silenced[] } {
  const used = new Set<Silence>();
  const out = { problems: [] as Problem[], silenced: [] as Silenced[] };
  for (const p of problems) {
    const s = p.check === silenceCheckId ? undefined : silences.find((s) => covers(s, p));
    if (!s) out.problems.push(p);
    else {
      used.add(s);
      out.silenced.push({ problem: p, reason: s.reason, at: location(s) });
    }
  }
  for (const s of silences) {
    if (used.has(s) || !ran.has(s.checkId)) continue;
    const where = s.scope === 'file' ? 'in this file' : `on line ${s.target}`;
    out.problems.push({
      check: silenceCheckId,
      file: s.file,
      line: s.line,
      message: `stale silence: ${s.checkId} ran and found nothing ${where}`,
      hint: 'remove the comment; the finding it excused is gone',
      severity: 'warning',
    });
  }
  return out;
}

function covers(s: Silence, p: Problem): boolean {
  if (s.checkId !== p.check || s.file !== p.file) return false;
  if (s.scope === 'file') return true;
  return p.line === s.line || p.line === s.target;
}

/** Where silences may live: every file a check reports on sits under these (plus the problems' own files). */
const silenceRoots = ['monitoring', 'k8s', 'docs', 'app', 'fixtures', 'README.md', 'MONITORING_QUICKSTART.md'];

/** The repo-relative files that may carry silences: those under the roots above, and any file a problem names. */
export function filesToScan(root: string, problems: readonly Problem[]): string[] {
  const files = new Set<string>();
  const walk = (rel: string, depth: number): void => {
    const abs = join(root, rel);
    if (!existsSync(abs) || depth > 12) return;
    if (!statSync(abs).isDirectory()) return void files.add(rel);
    for (const entry of readdirSync(abs)) if (entry !== 'node_modules' && !entry.startsWith('.')) walk(`${rel}/${entry}`, depth + 1);
  };
  for (const r of silenceRoots) walk(r, 0);
  for (const p of problems) if (!isAbsolute(p.file) && existsSync(join(root, p.file))) files.add(p.file);
  return [...files].sort();
}

const binary = /\.(png|jpe?g|gif|ico|svg|mmdb|gz|tgz|zip|woff2?)$/i;

/** Every silence under `root`, and a problem for each malformed one. Large files are skipped: no config is 2 MB. */
export function loadSilences(root: string, files: readonly string[], knownIds?: readonly string[], copiedLines?: CopiedLines): { silences: Silence[]; problems: Problem[] } {
  const out = { silences: [] as Silence[], problems: [] as Problem[] };
  for (const file of files) {
    const abs = join(root, file);
    if (binary.test(file) || !existsSync(abs) || !statSync(abs).isFile() || statSync(abs).size > 2_000_000) continue;
    const parsed = parseSilences(file, readFileSync(abs, 'utf8'), knownIds);
    if (parsed.silences.length + parsed.problems.length === 0) continue;
    const copied = copiedLines?.(file);
    out.silences.push(...parsed.silences.filter((s) => !copied?.has(s.line)));
    out.problems.push(...parsed.problems.filter((p) => !copied?.has(p.line!)));
  }
  return out;
}

/**
 * Lines of a file that are verbatim copies of another file (the k8s ConfigMaps carry the
 * monitoring/ files): a silence there belongs to the original, where findings are reported,
 * and would otherwise be stale (or malformed) twice.
 */
export type CopiedLines = (file: string) => ReadonlySet<number> | undefined;
