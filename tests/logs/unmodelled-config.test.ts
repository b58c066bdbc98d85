import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/sources/repo-files.js';
import { PipelineLoadError } from '../../src/logstash/engine/engine-errors.js';
import { UnmodelledError } from '../../src/logstash/engine/filter-api.js';
import { LogstashPipeline } from '../../src/logstash/engine/pipeline/pipeline.js';
import { localRunVariables } from '../../src/logstash/engine/run/local-variables.js';

const file = 'monitoring/logstash/pipeline/logstash.conf';
const canonical = readFileSync(join(repoRoot, file), 'utf8');

/** A copy of the canonical pipeline with one line changed, and where that line is. */
function copyWith(find: string, replace: string): { text: string; line: number } {
  const at = canonical.indexOf(find);
  expect(at, `the canonical pipeline still contains ${find}`).toBeGreaterThanOrEqual(0);
  return { text: canonical.replace(find, replace), line: canonical.slice(0, at).split('\n').length };
}

const load = (text: string) => LogstashPipeline.load({ file: 'copy/logstash.conf', text, root: repoRoot, variables: localRunVariables });

// Anything the engine does not model fails the load at its file:line; it never passes silently.
describe('a copy of the pipeline with something the engine does not model', () => {
  it('an option Logstash knows but the engine does not model (tcp ssl_certificate) names its line', async () => {
    const { text, line } = copyWith('    port => 5000\n', '    port => 5000\n    ssl_certificate => "/etc/cert.pem"\n');
    await expect(load(text)).rejects.toThrow(UnmodelledError);
    await expect(load(text)).rejects.toThrow(new RegExp(`^copy/logstash\\.conf:${line + 1}:5: tcp option "ssl_certificate" is not modelled by the engine`));
  });
  it('an option value the engine does not model (elasticsearch data_stream => "true") names its line', async () => {
    const { text, line } = copyWith(
      '      data_stream => "false"\n      ilm_enabled => "false"\n      manage_template => true\n      template => "/usr/share/logstash/templates/index-template.json"\n      template_name => "timetable-logs"\n      template_api => "composable"\n      template_overwrite => true\n    }\n  }',
      '      data_stream => "true"\n      ilm_enabled => "false"\n      manage_template => true\n      template => "/usr/share/logstash/templates/index-template.json"\n      template_name => "timetable-logs"\n      template_api => "composable"\n      template_overwrite => true\n    }\n  }',
    );
    await expect(load(text)).rejects.toThrow(new RegExp(`^copy/logstash\\.conf:${line}:7: elasticsearch option "data_stream": write data_stream => "false"`));
  });
  it("an unknown option is Logstash's own error, at its line", async () => {
    const { text, line } = copyWith('      source => "message"\n', '      source => "message"\n      sourse => "x"\n');
    await expect(load(text)).rejects.toThrow(PipelineLoadError);
    await expect(load(text)).rejects.toThrow(new RegExp(`^copy/logstash\\.conf:${line + 1}:7: Unknown setting 'sourse' for json`));
  });
  it('an unmodelled plugin names its line', async () => {
    const { text, line } = copyWith('  # Last, on every path', '  kv { source => "message" }\n  # Last, on every path');
    await expect(load(text)).rejects.toThrow(new RegExp(`^copy/logstash\\.conf:${line}:3: the kv filter is not modelled by the engine`));
  });
});
