import type { EngineSpec } from '../engines/engine.js';

/** Names (and network aliases) of the live end-to-end engines; targets in the test prometheus.yml use them. */
export const liveEngineNames = {
  database: 'e2e-database',
  mysqldExporter: 'e2e-mysqld-exporter',
  nodeExporter: 'e2e-node-exporter',
  cadvisor: 'e2e-cadvisor',
  prometheus: 'e2e-prometheus',
} as const;

/**
 * The application's database: MySQL as pinned under x-harness-images, or the MariaDB stand-in,
 * which takes the same environment and init scripts. The init script creates the exporter's user
 * with the grants mysqld_exporter's README asks for; MariaDB 10.5.9+ also wants SLAVE MONITOR for
 * SHOW SLAVE STATUS, written as a MariaDB-only comment so MySQL reads the same file.
 * Ready when the real server (not the init phase's, which listens on port 0) announces port 3306.
 */
export function databaseSpec(exporterPassword: string): EngineSpec {
  return {
    engine: 'database',
    name: liveEngineNames.database,
    ports: [3306],
    env: { MYSQL_ROOT_PASSWORD: `root-${exporterPassword}`, MYSQL_DATABASE: 'timetable', MYSQL_USER: 'timetable', MYSQL_PASSWORD: `app-${exporterPassword}` },
    files: [
      {
        target: '/docker-entrypoint-initdb.d/10-exporter-user.sql',
        content: [
          `CREATE USER 'exporter'@'%' IDENTIFIED BY '${exporterPassword}' WITH MAX_USER_CONNECTIONS 3;`,
          `GRANT PROCESS, REPLICATION CLIENT, SELECT /*M!100509 , SLAVE MONITOR */ ON *.* TO 'exporter'@'%';`,
          '',
        ].join('\n'),
      },
    ],
    ready: { log: /\bport: 3306\s/ },
    // Its first start initialises the data directory: over 120 s at load 75-140 under the CPU hog.
    startupTimeoutMs: 300_000,
  };
}

/**
 * mysqld_exporter as the monitoring compose file runs it: credentials from a my.cnf secret file
 * (--config.my-cnf), pointed at the database engine.
 */
export function mysqldExporterSpec(exporterPassword: string): EngineSpec {
  const myCnf = '/run/secrets/mysqld_exporter_my_cnf';
  return {
    engine: 'mysqld-exporter',
    name: liveEngineNames.mysqldExporter,
    ports: [9104],
    command: [`--config.my-cnf=${myCnf}`],
    files: [{ target: myCnf, content: `[client]\nuser=exporter\npassword=${exporterPassword}\nhost=${liveEngineNames.database}\nport=3306\n` }],
    ready: { http: { port: 9104, path: '/metrics' } },
  };
}

/**
 * node_exporter. The compose file gives it the host's /proc, /sys and / (under /host and /rootfs)
 * and excludes the container's own mount points; the engine layer mounts no host paths, so here
 * it runs with its defaults: the container's /proc shows the machine's CPU and memory, and its
 * filesystems are the container's, of which the bind-mounted /etc/hosts, /etc/hostname and
 * /etc/resolv.conf sit on the machine's disk (the overlay root is excluded by fstype).
 */
export function nodeExporterSpec(): EngineSpec {
  return {
    engine: 'node-exporter',
    name: liveEngineNames.nodeExporter,
    ports: [9100],
    ready: { http: { port: 9100, path: '/metrics' } },
  };
}

/**
 * cAdvisor, where its image exists. Without the compose file's privileged mode and host mounts
 * (the engine layer has neither) it still serves its own metric families for the root cgroup,
 * which is what the metric-name check needs.
 */
export function cadvisorSpec(): EngineSpec {
  return {
    engine: 'cadvisor',
    name: liveEngineNames.cadvisor,
    ports: [8080],
    ready: { http: { port: 8080, path: '/healthz' } },
  };
}
