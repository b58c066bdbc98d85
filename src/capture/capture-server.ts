import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { captureApi, type CapturedRequest } from './captured-request.js';

export interface StartedCaptureServer extends AsyncDisposable {
  /** Port on the host, on every interface so containers reach it through host-gateway. */
  readonly port: number;
  /** Base URL for the harness itself (localhost). */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Bounded so a runaway sender can't exhaust memory: oldest requests are dropped first. The bound
 * is per path prefix (the first path segment: each stack's Alertmanager delivers under its own,
 * e.g. /faults-flapping), so a stack that floods its receivers pushes out only its own record: a
 * test minutes long still reads its first post however busy the other stacks of the run are (the
 * whole suite once pushed the flapping test's only post out of one shared 5,000-request ring).
 * The prefixes are the few the stacks' configurations name.
 */
const keptPerPrefix = 5000;
const maxBodyBytes = 5 * 1024 * 1024;
/** A held request is answered 504 after this long at the latest, so no test can hang on it. */
const maxHoldMs = 120_000;

/**
 * Stands in for the Slack and PagerDuty endpoints (and any webhook): records every request
 * with its path, headers and body, and answers as the real service would (Slack: 200 "ok";
 * PagerDuty Events v2: 202 with a JSON status). Tests, in this or another process, read the
 * record through GET /__capture/requests?after=<seq>&path=<prefix>&token=<text in the body> (see
 * capture-client.ts). A path can be told to fail
 * (POST /__capture/fail {"path": "/slack", "status": 500}) to test delivery failures, or to
 * time out ({"path": "/slack", "hang": true}: held open until the sender gives up, the failure
 * is cleared, or maxHoldMs passes). Every request records how it was answered.
 */
export async function startCaptureServer(port = 0, options: { keptPerPrefix?: number } = {}): Promise<StartedCaptureServer> {
  const kept = options.keptPerPrefix ?? keptPerPrefix;
  const byPrefix = new Map<string, CapturedRequest[]>();
  const failures = new Map<string, number | 'hang'>();
  const held = new Set<() => void>();
  let seq = 0;

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://capture');
    const text = await readBody(req).catch(() => '');
    if (url.pathname.startsWith(captureApi)) return api(url, text, res);

    const entry: CapturedRequest = {
      seq: ++seq,
      receivedAt: new Date().toISOString(),
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])),
      text,
      json: parseJson(text),
    };
    const ring = byPrefix.get(firstSegment(entry.path)) ?? [];
    byPrefix.set(firstSegment(entry.path), ring);
    ring.push(entry);
    if (ring.length > kept) ring.shift();

    const failing = [...failures].find(([prefix]) => entry.path.startsWith(prefix));
    const answer = (status: number) => {
      entry.answer = status;
      return res.writeHead(status, { 'content-type': 'text/plain' });
    };
    if (failing?.[1] === 'hang') {
      entry.answer = 'held';
      const release = () => {
        clearTimeout(timer);
        held.delete(release);
        if (!res.writableEnded && !res.destroyed) answer(504).end('held on purpose, now released (capture server)');
      };
      const timer = setTimeout(release, maxHoldMs);
      held.add(release);
      res.on('close', () => {
        if (!res.writableEnded) entry.answer = 'abandoned';
        clearTimeout(timer);
        held.delete(release);
      });
    } else if (failing) {
      answer(failing[1]).end('failing on purpose (capture server)');
    } else if (entry.path.includes('pagerduty') || entry.path.startsWith('/v2/enqueue')) {
      const dedupKey = (entry.json as { dedup_key?: string } | undefined)?.dedup_key ?? `capture-${entry.seq}`;
      entry.answer = 202;
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'success', message: 'Event processed', dedup_key: dedupKey }));
    } else {
      answer(200).end('ok');
    }
  });

  function api(url: URL, body: string, res: import('node:http').ServerResponse): void {
    const route = url.pathname.slice(captureApi.length);
    if (route === '/requests') {
      const after = Number(url.searchParams.get('after') ?? 0);
      const prefix = url.searchParams.get('path') ?? '';
      // A test's token (its unique cluster) is named by every notification of its own: filtered
      // here, a listing holds one test's traffic, not the run's (capture-client.ts, RequestFilter).
      const token = url.searchParams.get('token');
      const wanted = (r: CapturedRequest) => r.seq > after && r.path.startsWith(prefix) && (!token || r.text.includes(token));
      const list = [...byPrefix.values()].flatMap((ring) => ring.filter(wanted)).sort((a, b) => a.seq - b.seq);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ latest: seq, requests: list }));
    } else if (route === '/fail') {
      const { path, status, hang } = (parseJson(body) ?? {}) as { path?: string; status?: number; hang?: boolean };
      if (!path) return void res.writeHead(400).end('body must be {"path": "/prefix", "status": 500} or {"path": "/prefix", "hang": true}; status 0 clears it');
      if (hang) failures.set(path, 'hang');
      else if (!status) failures.delete(path);
      else failures.set(path, status);
      // A cleared or changed failure releases what was held (with 504, as a gateway timing out would).
      if (!hang) for (const release of [...held]) release();
      res.writeHead(204).end();
    } else {
      res.writeHead(404).end(`unknown capture API ${route}; use ${captureApi}/requests or ${captureApi}/fail`);
    }
  }

  // Node closes a connection idle for keepAliveTimeout (5 s by default), while undici reuses it
  // until its own timer (the server's announced timeout less 2 s: undici 6.x
  // lib/dispatcher/client-h1.js, keepAliveTimeout, and client.js, keepAliveTimeoutThreshold) fires: on a
  // busy event loop that timer fires late, and a request sent on the socket the server just closed
  // fails with "other side closed" (a 17 MB listing's connection, reused, in the loaded run of
  // 2026-11-29). With 0 the server never closes an idle connection and announces no timeout; each
  // client closes its own idle ones (undici after its default 4 s), stop() closes the rest.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const release of [...held]) release();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { port: bound, url: `http://127.0.0.1:${bound}`, stop, [Symbol.asyncDispose]: stop };
}

/** `/faults-flapping/slack/x` → `/faults-flapping`: the ring a request is kept in. */
function firstSegment(path: string): string {
  const end = path.indexOf('/', 1);
  return end === -1 ? path : path.slice(0, end);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
