import { expect, test } from 'vitest';
import { chunkFiles, mapBounded } from './promtool-chunks.js';

test('files are dealt into the fewest chunks of at most the given size, none lost or repeated', () => {
  const files = Array.from({ length: 7 }, (_, i) => `f${i}.test.yml`);
  // Neighbours (a scenario's copies) land in different chunks.
  expect(chunkFiles(files, 3)).toEqual([
    ['f0.test.yml', 'f3.test.yml', 'f6.test.yml'],
    ['f1.test.yml', 'f4.test.yml'],
    ['f2.test.yml', 'f5.test.yml'],
  ]);
  expect(chunkFiles(files, 6)).toEqual([
    ['f0.test.yml', 'f2.test.yml', 'f4.test.yml', 'f6.test.yml'],
    ['f1.test.yml', 'f3.test.yml', 'f5.test.yml'],
  ]);
  expect(chunkFiles(files, 7)).toEqual([files]);
  expect(chunkFiles([], 3)).toEqual([]);
  expect(() => chunkFiles(files, 0)).toThrow('filesPerChunk must be a whole number of at least 1, not 0');
});

test("at most `limit` run at once, and results keep the items' order whatever order they finish in", async () => {
  let running = 0;
  let peak = 0;
  // Later items finish first: each waits for the ones after it to have started (no timers).
  const started: Array<() => void> = [];
  const results = await mapBounded([0, 1, 2, 3, 4], 2, async (item) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise<void>((resolve) => {
      started.push(resolve);
      if (started.length >= 2 || item === 4)
        started
          .splice(0)
          .reverse()
          .forEach((r) => r());
    });
    running--;
    return item * 10;
  });
  expect(results).toEqual([0, 10, 20, 30, 40]);
  expect(peak).toBe(2);
});
