import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../sources/repo-files.js';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../parser/parse-config.js';
import { referencedFileProblems } from './referenced-files-check.js';

const problemsOf = (text: string) => referencedFileProblems([parseConfig('p.conf', text)], (path) => existsSync(join(repoRoot, path))).map((p) => `${p.line}:${p.column} ${p.message}`);

describe('logstash/referenced-files', () => {
  it('accepts files that a mount provides and that exist in the repository', () => {
    expect(problemsOf('filter { ruby { path => "/usr/share/logstash/scripts/redact.rb" } } output { elasticsearch { template => "/usr/share/logstash/templates/index-template.json" } }')).toEqual([]);
  });

  it('names a path no mount provides, and a mounted path whose file is missing', () => {
    expect(problemsOf('filter {\n  ruby { path => "/etc/logstash/redact.rb" }\n  ruby { path => "/usr/share/logstash/scripts/missing.rb" }\n}')).toEqual([
      '2:18 ruby path names /etc/logstash/redact.rb, which no mount provides',
      '3:18 ruby path names /usr/share/logstash/scripts/missing.rb, but monitoring/logstash/scripts/missing.rb does not exist in the repository',
    ]);
  });
});
