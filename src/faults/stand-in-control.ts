import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { GaugeProgram, HoveringGauge } from './hovering-gauge.js';
import { targetModes, type StandInTarget, type TargetMode } from './stand-in-target.js';
import { listenOnLoopback, type LoopbackServer } from '../e2e/listen-on-loopback.js';

/**
 * Lets tests, which run in worker processes, switch the stand-in targets and gauges that live in
 * the globalSetup process (as stack-control.ts does for the live stack's engines). Localhost only.
 *   POST /targets/<name>/<mode>   serve | hang | garbage | gone
 *   GET  /targets/<name>          { mode, scrapes }
 *   POST /gauges/<name>           a GaugeProgram as JSON
 */
export async function startStandInControl(parts: { targets: Record<string, StandInTarget>; gauges?: Record<string, HoveringGauge> }): Promise<LoopbackServer> {
  const server: Server = createServer((req, res) => {
    const answer = (status: number, text = '') => res.writeHead(status, { 'content-type': 'text/plain' }).end(text);
    const [, area, name, mode] = /^\/(targets|gauges)\/([\w-]+)(?:\/(\w+))?$/.exec(req.url ?? '') ?? [];
    const target = area === 'targets' && name ? parts.targets[name] : undefined;
    const gauge = area === 'gauges' && name ? parts.gauges?.[name] : undefined;
    if (req.method === 'GET' && target && !mode) return answer(200, JSON.stringify({ mode: target.mode, scrapes: target.scrapes }));
    if (req.method === 'POST' && target && targetModes.includes(mode as TargetMode)) {
      return void target.setMode(mode as TargetMode).then(
        () => answer(204),
        (error: unknown) => answer(500, error instanceof Error ? error.message : String(error)),
      );
    }
    if (req.method === 'POST' && gauge && !mode) {
      return void readBody(req).then(
        (text) => {
          try {
            gauge.set(JSON.parse(text) as GaugeProgram);
            answer(204);
          } catch (error) {
            answer(400, `gauge ${name}: ${error instanceof Error ? error.message : String(error)}`);
          }
        },
        () => answer(400, 'unreadable body'),
      );
    }
    answer(
      404,
      `unknown control ${req.method} ${req.url}; targets: ${Object.keys(parts.targets).join(', ')} (modes ${targetModes.join(', ')}); gauges: ${Object.keys(parts.gauges ?? {}).join(', ') || 'none'}`,
    );
  });
  return listenOnLoopback(server);
}

/** The tests' side of the stand-in control. */
export class StandInControl {
  constructor(readonly url: string) {}

  setMode(target: string, mode: TargetMode): Promise<void> {
    return this.post(`/targets/${target}/${mode}`);
  }

  async state(target: string): Promise<{ mode: TargetMode; scrapes: number }> {
    const res = await fetch(`${this.url}/targets/${target}`, { signal: AbortSignal.timeout(60_000) });
    if (res.status !== 200) throw new Error(`stand-in control: no target ${target}: ${await res.text()}`);
    return (await res.json()) as { mode: TargetMode; scrapes: number };
  }

  setGauge(gauge: string, program: GaugeProgram): Promise<void> {
    return this.post(`/gauges/${gauge}`, JSON.stringify(program));
  }

  private async post(path: string, body?: string): Promise<void> {
    const res = await fetch(`${this.url}${path}`, { method: 'POST', body, signal: AbortSignal.timeout(60_000) });
    if (res.status !== 204) throw new Error(`stand-in control ${path} answered ${res.status}: ${await res.text()}`);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
