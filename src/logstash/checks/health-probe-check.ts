import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import { logstashDeployments, type LogstashDeployment } from './logstash-deployments.js';

const id = 'logstash/health-probe';

/**
 * A Logstash health check must fail when the pipeline does not run. /_node/pipelines (and any
 * HTTP probe, which only sees the status code) answers 200 while timetable-logs is
 * terminated or was never created; /_health_report (logstash-core 8.17.4
 * lib/logstash/api/modules/health_report.rb) turns red then ("pipeline is not running",
 * docs/static/troubleshoot/health-pipeline-status.asciidoc), so the probe reads its status.
 */
export function probeProblems(deployments: readonly LogstashDeployment[]): Problem[] {
  const problems: Problem[] = [];
  for (const d of deployments) {
    if (d.probes.length === 0) {
      problems.push(problem({ check: id, file: d.file, line: d.line, message: `${d.where} has no health check`, hint: 'add one that fails when /_health_report is red' }));
      continue;
    }
    for (const p of d.probes) {
      const reads = p.command?.includes('/_health_report') && /"status\\?"\s*:\s*\\?"red/.test(p.command);
      if (reads) continue;
      const what = p.http !== undefined ? `an HTTP probe of ${p.http} passes on any 200` : `it runs "${p.command}", which does not read /_health_report's status`;
      problems.push(
        problem({
          check: id,
          file: d.file,
          line: p.line,
          message: `${d.where}: the ${p.kind} reports a failed pipeline as healthy: ${what}, and Logstash answers 200 while timetable-logs is not running`,
          hint: `use: curl -fsS http://localhost:9600/_health_report -o /tmp/health && ! grep -q '"status":"red"' /tmp/health`,
        }),
      );
    }
  }
  return problems;
}

export const logstashHealthProbeCheck: Check<Workspace> = {
  id,
  description: "Logstash's health checks and probes fail when the pipeline is not running",
  run: async ({ workspace }) => probeProblems(logstashDeployments(workspace)),
};
