import { relative } from 'node:path';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { repoRoot } from '../../src/sources/repo-files.js';
import { takeStackLeases } from '../../src/stacks/stack-leases.js';

// Runs in every integration file before its own hooks (vitest.config.ts setupFiles): the
// project runs several files at once, and a file gets the stacks it uses to itself for its
// whole run (src/stacks/stack-leases.ts). The wait is bounded well above the longest holder
// (the Prometheus restart tests hold their stack ~7 min idle, up to ~15 min under a CPU hog)
// and below CI's 90 minutes; when it runs out, the error names the file in the way.
const leaseWaitMs = 40 * 60_000;

let release: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const holder = relative(repoRoot, expect.getState().testPath ?? '');
  const { dir, keysByFile } = inject('stackLeases');
  const keys = keysByFile[holder] ?? [];
  if (!keys.length) return;
  const asked = Date.now();
  release = await takeStackLeases(keys, { dir, holder, timeoutMs: leaseWaitMs });
  const waited = Date.now() - asked;
  // Said when it mattered: a file that waited its turn started that much later than vitest shows.
  if (waited >= 1_000) process.stderr.write(`[integration] ${holder} waited ${(waited / 1000).toFixed(0)} s for stack(s) ${keys.join(', ')}\n`);
}, leaseWaitMs + 60_000);

afterAll(async () => {
  await release?.();
}, 60_000);
