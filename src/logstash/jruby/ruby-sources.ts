import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoPath } from '../../sources/repo-files.js';

/** The stand-in's Ruby sources (server.rb, standin.rb, logstash/**), beside this file. */
export const rubySourceDir = 'src/logstash/jruby/ruby';

/** Our stand-ins for the exceptions logstash-core's Event throws (org.logstash.*). */
export const javaSourceDir = 'images/jruby/java';

/** Every Ruby file of the stand-in, by path relative to rubySourceDir. */
export function rubySources(): { path: string; content: string }[] {
  return filesUnder(rubySourceDir, '.rb');
}

/** The Java sources, by path relative to javaSourceDir (org/logstash/*.java). */
export function javaSources(): { path: string; content: string }[] {
  return filesUnder(javaSourceDir, '.java');
}

function filesUnder(dir: string, extension: string): { path: string; content: string }[] {
  const root = repoPath(dir);
  const files: { path: string; content: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(extension)) files.push({ path: relative(root, full), content: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return files;
}
