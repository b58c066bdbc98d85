import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjection, FaultState } from './fault-injection.js';

/** Route templates of the fault switches, for the metrics' route label. */
export const faultTemplates = ['/fault', '/fault/error-rate', '/fault/latency', '/fault/health', '/fault/pool', '/fault/reset'];

class BadSwitch extends Error {}

/**
 * The fault switches over HTTP (GET or POST, parameters in the query string, so `curl`
 * is enough). Each answers the whole fault state as JSON; a bad parameter answers 400
 * naming it, and changes nothing.
 */
export function handleFaultRoute(faults: FaultInjection, req: IncomingMessage, res: ServerResponse, template: string): boolean {
  if (!faultTemplates.includes(template) || (req.method !== 'GET' && req.method !== 'POST')) return false;
  const query = new URL(req.url ?? '/', 'http://fixture').searchParams;
  try {
    const change: Partial<FaultState> = {};
    if (template === '/fault/error-rate') change.errorRatio = number(query, 'ratio', 0, 1);
    if (template === '/fault/latency') change.latencyMs = number(query, 'ms', 0, 60_000);
    if (template === '/fault/health') change.healthFailing = boolean(query, 'failing');
    if (template === '/fault/pool') {
      change.pool = { active: number(query, 'active', 0, 1_000_000, true), max: number(query, 'max', 0, 1_000_000, true) };
      if (change.pool.active > change.pool.max) throw new BadSwitch(`active=${change.pool.active} is above max=${change.pool.max}`);
    }
    if (template === '/fault/reset') faults.reset();
    else faults.set(change);
  } catch (error) {
    if (!(error instanceof BadSwitch)) throw error;
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`${error.message}\n`);
    return true;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(faults.current));
  return true;
}

function number(query: URLSearchParams, name: string, min: number, max: number, whole = false): number {
  const raw = query.get(name);
  const value = Number(raw);
  if (raw === null || raw.trim() === '' || !Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
    throw new BadSwitch(`${name}=${raw ?? '(missing)'} is not ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}`);
  }
  return value;
}

function boolean(query: URLSearchParams, name: string): boolean {
  const raw = query.get(name);
  if (raw !== 'true' && raw !== 'false') throw new BadSwitch(`${name}=${raw ?? '(missing)'} must be true or false`);
  return raw === 'true';
}
