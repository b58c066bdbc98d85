import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ConfigSide } from './config-side.js';
import { configDir, workingTreeConfigFiles } from './git-revision.js';

export interface ChangedFile {
  file: string;
  status: 'added' | 'removed' | 'modified';
  /** Whether the diff runs it (rules, prometheus.yml, alertmanager.yml) or only notes the change. */
  evaluated: boolean;
}

/**
 * Files under monitoring/ whose bytes differ between the sides. The report says which of them
 * it evaluated, so a change to, say, a message template is named rather than silently passed.
 */
export async function changedFiles(base: ConfigSide, head: ConfigSide, evaluated: ReadonlySet<string>): Promise<ChangedFile[]> {
  const [before, after] = await Promise.all([filesOf(base), filesOf(head)]);
  const out: ChangedFile[] = [];
  for (const file of [...new Set([...before, ...after])].sort()) {
    const [inBase, inHead] = [before.includes(file), after.includes(file)];
    const status = !inBase ? 'added' : !inHead ? 'removed' : readFileSync(base.path(file)).equals(readFileSync(head.path(file))) ? undefined : 'modified';
    if (status) out.push({ file, status, evaluated: evaluated.has(file) });
  }
  return out;
}

async function filesOf(side: ConfigSide): Promise<string[]> {
  if (side.commit === undefined) return (await workingTreeConfigFiles(side.root)).filter((f) => existsSync(side.path(f)));
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(side.root, path));
    }
  };
  if (existsSync(side.path(configDir))) walk(side.path(configDir));
  return out.sort();
}
