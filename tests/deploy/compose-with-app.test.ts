import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoPath } from '../../src/sources/repo-files.js';

/**
 * The command, run for real by docker-compose (`config` only: it resolves paths and
 * variables and merges the files, and starts nothing) in a directory laid out like the
 * application's repository: its docker-compose.yml at the root, this repo's monitoring/ beside it.
 */
const appCompose = `services:
  app:
    image: node:20.20-bookworm-slim
    ports: ["3000:3000"]
  mysql:
    image: mysql:8.0.36
`;
const root = mkdtempSync(join(tmpdir(), 'app-with-monitoring-'));
writeFileSync(join(root, 'docker-compose.yml'), appCompose);
symlinkSync(repoPath('monitoring'), join(root, 'monitoring'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Volume = string | { type: string; source: string };
type Config = { services: Record<string, { volumes?: Volume[]; networks?: Record<string, unknown> }>; secrets: Record<string, { file: string }> };
/** docker-compose 1.x prints `source:target:mode`; compose v2 prints the long form. */
const sourceOf = (v: Volume) => (typeof v === 'string' ? v.split(':')[0]! : v.source);

function composeConfig(args: string[]): Promise<{ skip: string } | { code: number; config?: Config; output: string }> {
  return new Promise((resolve) => {
    execFile('docker-compose', [...args, 'config'], { cwd: root, env: { ...process.env, GF_ADMIN_PASSWORD: 'compose-with-app-test' }, timeout: 60_000 }, (error, stdout, stderr) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT')
        return resolve({ skip: 'docker-compose is not installed: `apt-get install docker-compose` (Debian 12 ships 1.29.2), then rerun' });
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, config: code === 0 ? (parse(stdout) as Config) : undefined, output: stdout + stderr });
    });
  });
}

describe('docker-compose -f docker-compose.yml -f monitoring/docker-compose.monitoring.yml', () => {
  const both = composeConfig(['-f', 'docker-compose.yml', '-f', 'monitoring/docker-compose.monitoring.yml']);

  it('merges into one project with the app, its database and the nine monitoring services on one network', async (ctx) => {
    const result = await both;
    if ('skip' in result) return ctx.skip(result.skip);
    expect(result.code, result.output).toBe(0);
    const services = Object.keys(result.config!.services).sort();
    expect(services).toEqual(['alertmanager', 'app', 'cadvisor', 'elasticsearch', 'grafana', 'kibana', 'logstash', 'mysql', 'mysqld-exporter', 'node-exporter', 'prometheus']);
    for (const [name, service] of Object.entries(result.config!.services)) expect(Object.keys(service.networks ?? { default: null }), name).toEqual(['default']);
  });

  it('resolves every bind mount of the monitoring file to a file that exists', async (ctx) => {
    const result = await both;
    if ('skip' in result) return ctx.skip(result.skip);
    const binds = Object.entries(result.config!.services).flatMap(([name, s]) =>
      (s.volumes ?? [])
        .map(sourceOf)
        .filter((source) => source.startsWith(root))
        .map((source) => ({ name, source })),
    );
    expect(binds.length).toBeGreaterThanOrEqual(6);
    expect(binds.filter((b) => !existsSync(b.source))).toEqual([]);
    for (const secret of Object.values(result.config!.secrets)) expect(secret.file.startsWith(join(root, 'monitoring/secrets/'))).toBe(true);
  });

  it('needs the paths written from the first file’s directory: the monitoring file alone, without --project-directory, resolves them under monitoring/monitoring/', async (ctx) => {
    const alone = await composeConfig(['-f', 'monitoring/docker-compose.monitoring.yml']);
    if ('skip' in alone) return ctx.skip(alone.skip);
    expect(alone.code, alone.output).toBe(0);
    const prometheus = alone.config!.services.prometheus!.volumes!.map(sourceOf).find((source) => source.endsWith('prometheus.yml'));
    expect(prometheus).toBe(join(root, 'monitoring', 'monitoring', 'prometheus.yml'));
  });

  it('refuses to start Grafana without an admin password: there is no default', async (ctx) => {
    const result = await new Promise<{ skip: string } | { code: number; output: string }>((resolve) => {
      const env = { ...process.env };
      delete env.GF_ADMIN_PASSWORD;
      execFile('docker-compose', ['-f', 'docker-compose.yml', '-f', 'monitoring/docker-compose.monitoring.yml', 'config'], { cwd: root, env, timeout: 60_000 }, (error, stdout, stderr) => {
        if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') return resolve({ skip: 'docker-compose is not installed: `apt-get install docker-compose`, then rerun' });
        resolve({ code: error ? 1 : 0, output: stdout + stderr });
      });
    });
    if ('skip' in result) return ctx.skip(result.skip);
    expect(result.code).toBe(1);
    expect(result.output).toContain('set GF_ADMIN_PASSWORD');
  });
});
