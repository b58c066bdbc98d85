import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { Workspace } from '../workspace/workspace.js';
import { archiveConfigs, describeCommit, resolveRevision } from './git-revision.js';

export type SideRole = 'base' | 'head';

/** One side of the diff: where its configs are on disk, and how to name its files in the report. */
export interface ConfigSide {
  role: SideRole;
  /** What the user asked for: the revision as typed, or `working tree`. */
  name: string;
  /** Full hash; absent for the working tree. */
  commit?: string;
  /** `abc1234 subject`, or `working tree (uncommitted changes included)`. */
  description: string;
  /** Absolute folder holding this side's monitoring/. */
  root: string;
  /** This side's sources, each loaded and parsed once (names relative to `root`). */
  workspace: Workspace;
  /** The working tree's sources, whose scenarios (fixtures/) both sides run. */
  fixtures: Workspace;
  /** Absolute path of a repo-relative config path on this side. */
  path(rel: string): string;
  /** Repo-relative form of a path this side's loaders produced (they may be absolute). */
  display(file: string): string;
  dispose(): Promise<void>;
}

/**
 * A side from a revision of the checkout `tree` is rooted at (its monitoring/ unpacked into a
 * temporary folder) or, without one, the working tree itself, uncommitted edits included: what an
 * engineer about to commit has. The working tree's side reads through `tree`, so what both read is parsed once.
 */
export async function openSide(role: SideRole, rev: string | undefined, tree: Workspace): Promise<ConfigSide> {
  if (rev === undefined) return side(role, 'working tree', undefined, 'working tree (uncommitted changes included)', tree, tree, async () => undefined);
  const commit = await resolveRevision(rev, tree.root);
  const description = await describeCommit(commit, tree.root);
  const root = await mkdtemp(join(tmpdir(), `behaviour-diff-${role}-`));
  try {
    await archiveConfigs(commit, tree.root, root);
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return side(role, rev, commit, description, new Workspace(root), tree, () => rm(root, { recursive: true, force: true }));
}

function side(role: SideRole, name: string, commit: string | undefined, description: string, workspace: Workspace, fixtures: Workspace, dispose: () => Promise<void>): ConfigSide {
  const { root } = workspace;
  return {
    role,
    name,
    commit,
    description,
    root,
    workspace,
    fixtures,
    path: (rel) => (isAbsolute(rel) ? rel : join(root, rel)),
    display: (file) => {
      if (!isAbsolute(file)) return file;
      const rel = relative(root, file);
      return rel.startsWith('..') ? file : rel;
    },
    dispose,
  };
}
