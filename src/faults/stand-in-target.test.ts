import { afterEach, expect, it } from 'vitest';
import { garbageBody, StandInTarget } from './stand-in-target.js';

let target: StandInTarget | undefined;
afterEach(async () => target?.stop());

const scrape = (port: number, timeoutMs = 5_000) => fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(timeoutMs) });

it('serves its exposition, answers garbage, holds a scrape, vanishes and comes back on the same port', async () => {
  target = await StandInTarget.start(() => 'up_stand_in 1\n');
  const port = target.port;
  expect(await (await scrape(port)).text()).toBe('up_stand_in 1\n');

  await target.setMode('garbage');
  const garbage = await scrape(port);
  expect([garbage.status, garbage.headers.get('content-type'), await garbage.text()]).toEqual([200, 'text/plain; version=0.0.4; charset=utf-8', garbageBody]);

  await target.setMode('hang');
  await expect(scrape(port, 500)).rejects.toThrow(/abort|timeout/i);

  await target.setMode('gone');
  await expect(scrape(port)).rejects.toThrow(/fetch failed/);

  await target.setMode('serve');
  expect((await scrape(port)).status).toBe(200);
  expect(target.scrapes).toBe(4);
});
