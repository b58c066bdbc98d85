import { existsSync } from 'node:fs';
import { repoPath } from '../../../src/sources/repo-files.js';
import { containersOf, k8sObjects, loadK8sManifests } from '../../../src/deploy/k8s-manifests.js';
import { flagValues } from './shell-commands.js';

type Json = Record<string, unknown>;

/** Secret name → keys the manifests read (env secretKeyRef), or 'any' for a mounted Secret. */
function secretsUsed(): Map<string, Set<string> | 'any'> {
  const used = new Map<string, Set<string> | 'any'>();
  for (const o of k8sObjects(loadK8sManifests())) {
    for (const { container } of containersOf(o)) {
      for (const env of (container.env as Json[] | undefined) ?? []) {
        const ref = (env.valueFrom as Json | undefined)?.secretKeyRef as Json | undefined;
        if (!ref) continue;
        const keys = used.get(String(ref.name));
        if (keys === 'any') continue;
        used.set(String(ref.name), (keys ?? new Set()).add(String(ref.key)));
      }
    }
    const volumes = (((o.data.spec as Json | undefined)?.template as Json | undefined)?.spec as Json | undefined)?.volumes as Json[] | undefined;
    for (const v of volumes ?? []) if (v.secret) used.set(String((v.secret as Json).secretName), 'any');
  }
  return used;
}

/** What is wrong with a kubectl command of the docs, checked against k8s/ (nothing is sent to a cluster). */
export function checkKubectl(args: readonly string[]): string[] {
  const problems: string[] = [];
  const namespace = flagValues(args, '-n', '--namespace')[0];
  const objects = k8sObjects(loadK8sManifests());
  if (namespace && !objects.some((o) => o.kind === 'Namespace' && o.name === namespace)) problems.push(`namespace ${namespace} is not created by k8s/`);
  if (args[0] === 'apply') {
    for (const f of flagValues(args, '-f')) if (!existsSync(repoPath(f)) || !f.startsWith('k8s/')) problems.push(`${f} is not a manifest in k8s/`);
  } else if (args[0] === 'create' && args[1] === 'secret') {
    const name = args[3]!;
    const used = secretsUsed().get(name);
    if (!used) problems.push(`no manifest uses a Secret named ${name}`);
    const given = [...flagValues(args, '--from-literal'), ...flagValues(args, '--from-file')].map((v) => v.split('=')[0]!);
    if (used instanceof Set) for (const key of used) if (!given.includes(key)) problems.push(`Secret ${name} needs the key ${key}`);
    for (const file of flagValues(args, '--from-file').map((v) => v.split('=')[1] ?? v)) {
      if (!file.startsWith('monitoring/secrets/')) problems.push(`${file} is not one of the git-ignored secret files in monitoring/secrets/`);
    }
  } else if (args[0] === 'port-forward') {
    const [, target, ports] = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-n');
    const service = objects.find((o) => o.kind === 'Service' && `svc/${o.name}` === target && (!namespace || o.namespace === namespace));
    const remote = Number(ports?.split(':')[1]);
    const servicePorts = ((service?.data.spec as Json | undefined)?.ports as Json[] | undefined)?.map((p) => Number(p.port)) ?? [];
    if (!service) problems.push(`${target} is not a Service in k8s/`);
    else if (!servicePorts.includes(remote)) problems.push(`${target} serves ${servicePorts.join(', ')}, not ${remote}`);
  } else problems.push(`kubectl ${args[0]}: the docs test does not know how to check this command`);
  return problems;
}
