import { posix } from 'node:path';
import { ConfigError } from '../sources/config-error.js';
import { repoRoot } from '../sources/repo-files.js';
import { SourceFiles } from '../sources/source-files.js';

/**
 * Where the deployment (compose, k8s) mounts Alertmanager's files, and which repo folder each
 * mount carries. alertmanager.yml names the in-container paths; the harness needs the repo
 * side to validate templates (check) and to give a test Alertmanager the same files.
 */
export const alertmanagerMounts = {
  templates: { container: '/etc/alertmanager/templates', repo: 'monitoring/alertmanager/templates' },
  secrets: { container: '/etc/alertmanager/secrets' },
} as const;

/** The repo-relative files a `templates:` glob of alertmanager.yml takes in, by their in-container path. */
export function templateFilesOf(glob: string, configFile: string, line?: number, files = new SourceFiles(repoRoot)): { container: string; repo: string }[] {
  const dir = posix.dirname(glob);
  if (dir !== alertmanagerMounts.templates.container) {
    throw new ConfigError(
      configFile,
      `template glob ${glob} is outside ${alertmanagerMounts.templates.container}/, where the deployment mounts ${alertmanagerMounts.templates.repo}/`,
      `name templates as ${alertmanagerMounts.templates.container}/*.tmpl`,
      line,
    );
  }
  const pattern = globToRegExp(posix.basename(glob));
  return files
    .list(alertmanagerMounts.templates.repo)
    .filter((n) => pattern.test(n))
    .map((n) => ({ container: `${dir}/${n}`, repo: `${alertmanagerMounts.templates.repo}/${n}` }));
}

/** Shell-style `*` and `?` of one path segment, as Go's filepath.Glob reads them. */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '[^/]*')
    .replaceAll('?', '[^/]');
  return new RegExp(`^${body}$`);
}
