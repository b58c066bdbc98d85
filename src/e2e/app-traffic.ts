/** One request to the example app and the status it answered. */
async function call(appUrl: string, method: string, path: string, body?: unknown): Promise<number> {
  const res = await fetch(`${appUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  await res.arrayBuffer();
  return res.status;
}

/**
 * Real requests that make every metric of the app's contract appear: a metric with labels has no
 * series until something happens to it (a cache miss, a validation error, a health probe).
 * Each step says what it expects, so a changed example app fails here, by name, rather than as a
 * "metric missing" later.
 */
export async function exerciseEveryEndpoint(appUrl: string): Promise<void> {
  const steps: [method: string, path: string, body: unknown, expected: number][] = [
    ['POST', '/api/timelines', { name: 'Term 1' }, 201],
    ['GET', '/api/timelines', undefined, 200],
    ['GET', '/api/timelines/1', undefined, 200], // cache miss, then a select
    ['GET', '/api/timelines/1', undefined, 200], // cache hit
    ['PUT', '/api/timelines/1', { name: 'Term 1 (revised)' }, 200],
    ['POST', '/api/classes', { name: '7B' }, 201],
    ['POST', '/api/events', { type: 'lesson', timelineId: 1 }, 201],
    ['POST', '/api/events', { type: 'party', timelineId: 1 }, 400], // validation error: type oneOf
    ['DELETE', '/api/timelines/1', undefined, 204],
    ['GET', '/health', undefined, 200],
  ];
  for (const [method, path, body, expected] of steps) {
    const status = await call(appUrl, method, path, body);
    if (status !== expected) throw new Error(`the example app answered ${method} ${path} with ${status}, not ${expected}`);
  }
}

export interface SteadyTraffic {
  /** Ends the traffic; resolves to how many requests got each status. */
  stop(): Promise<Record<number, number>>;
}

/**
 * GET requests at a steady pace until stopped, bounded by `maxMs` in any case: counters must
 * rise across several scrapes for rate() to see them, so a burst is not enough.
 */
export function steadyTraffic(appUrl: string, options: { path: string; perSecond: number; maxMs: number }): SteadyTraffic {
  const statuses: Record<number, number> = {};
  const deadline = Date.now() + options.maxMs;
  let stopped = false;
  const run = (async () => {
    while (!stopped && Date.now() < deadline) {
      const status = await call(appUrl, 'GET', options.path).catch(() => 0);
      statuses[status] = (statuses[status] ?? 0) + 1;
      await new Promise((resolve) => setTimeout(resolve, 1000 / options.perSecond));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await run;
      return statuses;
    },
  };
}
