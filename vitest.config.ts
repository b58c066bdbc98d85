import { defineConfig } from 'vitest/config';

// One project per kind of test, so `vitest run --project unit` never starts an engine.
// Engines are started once per run, in each project's globalSetup, and shared by its files.
//
// Every project states its timeouts: vitest's 5 s default is wall time, and on a shared CI
// machine at load 30 a test that spawns a process (tsx alone takes seconds to start) or does
// seconds of CPU work exceeds it while nothing is wrong. A timeout here is a bound against a
// hang, never a speed claim (bench/ measures speed). Tests that spawn processes set their own,
// larger ones.
export default defineConfig({
  test: {
    reporters: ['default', './src/reporting/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'app/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // No engine and no container in this project: promtool and amtool only as local
          // binaries (their in-image path is tested in tests/integration/tool-runner-image.test.ts).
          env: { HARNESS_TOOL_MODE: 'local' },
        },
      },
      { test: { name: 'rules', include: ['tests/rules/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000 } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // These files spend their time waiting on engines' compressed clocks (a flapping
          // signal, a Prometheus restart, a `for` running out), not on the CPU: four run at once
          // (vitest's default on 2 cores is one), and files that share a stack take turns
          // (stack-leases-setup.ts). Their own group, after the CPU-bound projects, because a
          // group runs at one worker count.
          maxWorkers: 4,
          sequence: { groupOrder: 1 },
          setupFiles: ['tests/integration/stack-leases-setup.ts'],
        },
      },
      {
        test: {
          name: 'pipeline',
          include: ['tests/pipeline/**/*.test.ts'],
          globalSetup: ['tests/pipeline/global-setup.ts'],
          // Elasticsearch and Logstash take one to two minutes to start on 2 cores.
          testTimeout: 300_000,
          hookTimeout: 600_000,
          // One file at a time: the outage test takes Elasticsearch off the network, and no
          // other file may be waiting for its documents meanwhile.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'logs',
          include: ['tests/logs/**/*.test.ts'],
          globalSetup: ['tests/logs/global-setup.ts'],
          // One JRuby for the run: its JVM starts in seconds when idle, minutes on a loaded machine.
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      // Each cli test runs the check or diff CLI as a process, bounded at 600 s inside the test:
      // 10 s idle, minutes on a saturated machine (diff runs promtool and amtool on two sides).
      { test: { name: 'cli', include: ['tests/cli/**/*.test.ts'], testTimeout: 660_000, hookTimeout: 300_000 } },
      {
        test: {
          name: 'deploy',
          include: ['tests/deploy/**/*.test.ts'],
          globalSetup: ['tests/deploy/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
