import { basename } from 'node:path';
import { ConfigError } from '../sources/config-error.js';
import { incidentContext } from '../e2e/incidents/incident-context.js';
import type { Incident } from '../e2e/incidents/incident.js';
import { incidentDir, loadIncident, loadIncidents } from '../e2e/incidents/load-incidents.js';
import type { Workspace } from '../workspace/workspace.js';

/** What to reproduce: one alert (played through the incident that fires it), or a whole incident. */
export interface ReproduceTarget {
  /** Report name: the alert, or the incident's base name. */
  name: string;
  /** The alerts to follow, in the order the incident lists them. */
  alerts: string[];
  /** The incident to play live; undefined when no incident fires the alert. */
  incident?: Incident;
}

/**
 * Reads the command's argument: a path to an incident file, or an alert name. For an alert, the
 * incident that fires it (the one listing the fewest alerts, so the timeline is about it). Files,
 * rules and incidents are `workspace`'s (the checkout `--root` names, else this repository).
 */
export function reproduceTarget(argument: string, workspace: Workspace): ReproduceTarget {
  const context = incidentContext(workspace);
  if (/\.ya?ml$/.test(argument) || argument.includes('/')) {
    if (!workspace.exists(argument)) throw new ConfigError(argument, 'no such incident file', 'name a file of fixtures/incidents/ (e.g. fixtures/incidents/slow-responses.yaml), or an alert');
    const incident = loadIncident(workspace.display(argument), context, workspace);
    return { name: basename(argument).replace(/\.ya?ml$/, ''), alerts: incident.fires.map((f) => f.alert), incident };
  }
  if (!context.alerts.has(argument)) {
    // pick-scenario-case.ts says which alert was meant; no incident is needed to say it.
    return { name: argument, alerts: [argument] };
  }
  const firing = loadIncidents(context, incidentDir, workspace).filter((i) => i.fires.some((f) => f.alert === argument));
  firing.sort((a, b) => a.fires.length - b.fires.length);
  return { name: argument, alerts: [argument], incident: firing[0] };
}
