import type { EngineSpec } from '../engines/engine.js';

export interface AlertmanagerOptions {
  /** alertmanager.yml content. */
  config: string;
  /** Extra files, by path relative to /etc/alertmanager/ (templates, secret files). */
  files?: Record<string, string>;
  flags?: string[];
  name?: string;
  /** Hold /alertmanager (silences, notification log) in memory: what a deployment without a volume keeps across a restart, i.e. nothing. */
  storageInMemory?: boolean;
}

/**
 * An Alertmanager laid out as the official image is. Gossip clustering is switched off: it
 * delays the first notification by 5-10 s and a test stack has one instance.
 */
export function alertmanagerSpec(options: AlertmanagerOptions): EngineSpec {
  const name = options.name ?? 'alertmanager';
  return {
    engine: 'alertmanager',
    name,
    ports: [9093],
    command: ['--config.file=/etc/alertmanager/alertmanager.yml', '--storage.path=/alertmanager', '--cluster.listen-address=', `--web.external-url=http://${name}:9093`, ...(options.flags ?? [])],
    files: [
      { target: '/etc/alertmanager/alertmanager.yml', content: options.config },
      ...Object.entries(options.files ?? {}).map(([file, content]) => ({ target: `/etc/alertmanager/${file}`, content })),
    ],
    ready: { http: { port: 9093, path: '/-/ready' } },
    // docker compose's default stop_grace_period: on SIGTERM Alertmanager writes a last snapshot of
    // its notification log (prometheus/alertmanager nflog/nflog.go, Maintenance: the final run after
    // stop); a SIGKILL before it loses what changed since the last periodic one.
    stopGraceSeconds: 10,
    // Owned by nobody (65534, the image's user): on the image's declared volume path Docker
    // ignores a tmpfs's mode (measured: root 0755), and Alertmanager could not write its
    // notification log at all, rather than losing it at the restart.
    ...(options.storageInMemory ? { tmpfs: ['/alertmanager'], tmpfsOwner: { uid: 65534, gid: 65534 } } : {}),
  };
}
