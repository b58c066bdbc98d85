import type { SourceFiles } from '../../sources/source-files.js';
import type { Check } from '../check.js';
import { problem, type Problem } from '../problem.js';
import { canonicalFiles, configFilesUnder, parseProblems } from './config-files.js';

/**
 * The first gate: every canonical file exists, and every YAML and JSON file under
 * monitoring/ and k8s/ parses. Later checks report on content; this one on form.
 */
export const configSyntaxCheck: Check<SourceFiles> = {
  id: 'config/syntax',
  description: 'canonical files exist; every YAML/JSON file under monitoring/ and k8s/ parses',
  async run({ workspace }) {
    const problems: Problem[] = [];
    for (const { path, what } of canonicalFiles) {
      if (!workspace.exists(path)) {
        problems.push(problem({ check: this.id, file: path, message: 'config file is missing', hint: `create ${what} at ${path}` }));
      }
    }
    for (const file of configFilesUnder(workspace, ['monitoring', 'k8s'])) problems.push(...parseProblems(workspace, file, this.id));
    return problems;
  },
};
