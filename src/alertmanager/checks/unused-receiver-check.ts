import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import type { AlertmanagerConfig } from '../alertmanager-config.js';

const id = 'alertmanager/unused-receiver';

/**
 * A receiver no route names. amtool check-config accepts it, yet nothing can ever reach it:
 * usually a route was renamed or removed and the pager or channel it fed went quiet unnoticed.
 */
export function unusedReceiverProblems(config: AlertmanagerConfig): Problem[] {
  const used = new Set(config.routes.map((r) => r.ownReceiver).filter((r): r is string => r !== undefined));
  return config.receivers
    .filter((r) => !used.has(r.name))
    .map((r) =>
      problem({
        check: id,
        file: config.yaml.file,
        line: r.line,
        message: `receiver ${r.name} is not used by any route`,
        hint: `route alerts to it (receiver: ${r.name} on a route), or remove it; routes use: ${[...used].join(', ') || 'none'}`,
      }),
    );
}

export const alertmanagerUnusedReceiverCheck: Check<Workspace> = {
  id,
  description: 'every receiver of alertmanager.yml is used by a route',
  async run({ workspace }) {
    return unusedReceiverProblems(workspace.alertmanager());
  },
};
