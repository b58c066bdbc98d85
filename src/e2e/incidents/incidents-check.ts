import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { configErrorProblem, problem, type Problem } from '../../check/problem.js';
import { ConfigError } from '../../sources/config-error.js';
import type { Incident } from './incident.js';
import { incidentContext } from './incident-context.js';
import { uncoveredAlerts } from './incident-coverage.js';
import { incidentDir, incidentFiles, loadIncident } from './load-incidents.js';

const id = 'e2e/incidents';

/**
 * The end-to-end incidents without running them: every file of fixtures/incidents loads (each
 * problem at its line), and every alert of alert_rules.yml fires in one of them.
 * `npx vitest run --project integration` plays them on real engines.
 */
export const incidentsCheck: Check<Workspace> = {
  id,
  description: 'every incident of fixtures/incidents loads (schema, notation, known metrics, labels, jobs, alerts, receivers) and every alert fires and is delivered in one',
  async run({ workspace }) {
    const context = incidentContext(workspace);
    const problems: Problem[] = [];
    const loaded: Incident[] = [];
    let files: string[];
    try {
      files = incidentFiles(incidentDir, workspace);
    } catch (error) {
      if (error instanceof ConfigError) return [configErrorProblem(error, id)];
      throw error;
    }
    for (const file of files) {
      try {
        loaded.push(loadIncident(file, context, workspace));
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        problems.push(configErrorProblem(error, id));
      }
    }
    // With a file that does not load, its alerts would show as uncovered: report the cause only.
    if (problems.length) return problems;
    for (const alert of uncoveredAlerts(loaded, [...context.alerts.values()])) {
      problems.push(
        problem({
          check: id,
          file: alert.file,
          line: alert.line,
          message: `${alert.name} fires in no incident of fixtures/incidents`,
          hint: 'add it under fires: of an incident whose history makes it fire (fixtures/incidents/README.md)',
        }),
      );
    }
    return problems;
  },
};
