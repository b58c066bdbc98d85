import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppMetrics } from '../metrics/app-metrics.js';
import { ValidationError } from '../metrics/validation-error.js';
import type { FaultInjection } from './fault-injection.js';
import { readJsonBody } from './read-json-body.js';

type Row = Record<string, unknown> & { id: number };
type TableName = 'timelines' | 'classes' | 'events';
type Query = <T>(operation: string, table: TableName, run: (rows: Map<number, Row>) => T) => Promise<T>;
interface Call { req: IncomingMessage; id: number; query: Query }
type Handler = (call: Call) => Promise<[status: number, body?: unknown]>;

/** Event types the API accepts; anything else is a validation error (field type, rule oneOf). */
export const eventTypes = ['lesson', 'exam', 'break', 'meeting'] as const;

/**
 * A tiny timetable API over in-memory "tables": every table access goes through
 * metrics.db.timeQuery as a real database call would, and single timelines are read
 * through a cache, so each metric of the contract moves when the API is used.
 */
export function createTimetableApi(metrics: AppMetrics, faults: FaultInjection) {
  const tables: Record<TableName, Map<number, Row>> = { timelines: new Map(), classes: new Map(), events: new Map() };
  const cache = new Map<number, Row>();
  const cacheChanged = () => metrics.cache.setEntries('timelines', cache.size);
  cacheChanged();
  let nextId = 1;
  const insert = (rows: Map<number, Row>, fields: Record<string, unknown>): Row => {
    const row = { ...fields, id: nextId++ };
    rows.set(row.id, row);
    return row;
  };

  const handlers = new Map<string, Handler>([
    ['GET /api/timelines', async ({ query }) => [200, await query('select', 'timelines', (rows) => [...rows.values()])]],
    ['POST /api/timelines', async ({ req, query }) => {
      const name = requiredName(await readJsonBody(req));
      const row = await query('insert', 'timelines', (rows) => insert(rows, { name }));
      metrics.business.timelineCreated();
      return [201, row];
    }],
    ['GET /api/timelines/:id', async ({ id, query }) => {
      let row = metrics.cache.lookup('timelines', cache.get(id));
      if (row === undefined) {
        row = await query('select', 'timelines', (rows) => rows.get(id));
        if (row) cache.set(id, row);
        cacheChanged();
      }
      return row ? [200, row] : [404, { error: `no timeline ${id}` }];
    }],
    ['PUT /api/timelines/:id', async ({ req, id, query }) => {
      const name = requiredName(await readJsonBody(req));
      const row = await query('update', 'timelines', (rows) => {
        if (!rows.has(id)) return undefined;
        const updated: Row = { id, name };
        rows.set(id, updated);
        return updated;
      });
      if (!row) return [404, { error: `no timeline ${id}` }];
      cache.delete(id);
      cacheChanged();
      metrics.business.timelineUpdated();
      return [200, row];
    }],
    ['DELETE /api/timelines/:id', async ({ id, query }) => {
      if (!(await query('delete', 'timelines', (rows) => rows.delete(id)))) return [404, { error: `no timeline ${id}` }];
      cache.delete(id);
      cacheChanged();
      metrics.business.timelineDeleted();
      return [204];
    }],
    ['POST /api/classes', async ({ req, query }) => {
      const name = requiredName(await readJsonBody(req));
      const row = await query('insert', 'classes', (rows) => insert(rows, { name }));
      metrics.business.classCreated();
      return [201, row];
    }],
    ['POST /api/events', async ({ req, query }) => {
      const { type, timelineId } = await readJsonBody(req);
      if (typeof type !== 'string' || !(eventTypes as readonly string[]).includes(type)) throw new ValidationError('type', 'oneOf', `type must be one of ${eventTypes.join(', ')}`);
      if (!(await query('select', 'timelines', (rows) => rows.has(Number(timelineId))))) throw new ValidationError('timelineId', 'exists', `there is no timeline ${String(timelineId)}`);
      const row = await query('insert', 'events', (rows) => insert(rows, { type, timelineId }));
      metrics.business.eventScheduled(type);
      return [201, row];
    }],
  ]);

  return {
    templates: [...new Set([...handlers.keys()].map((key) => key.split(' ')[1]!))],
    /** Answers a request whose path matched `template`; false when the method is not served there. */
    async handle(req: IncomingMessage, res: ServerResponse, template: string): Promise<boolean> {
      const handler = handlers.get(`${req.method ?? ''} ${template}`);
      if (!handler) return false;
      const [status, body] = await faults.around(() => {
        // Decided per request, so a concurrent request cannot take another's fault.
        const failing = faults.nextRequestFails();
        const query: Query = (operation, table, run) =>
          metrics.db.timeQuery(operation, table, () => {
            if (failing) throw new Error(`injected fault: ${operation} on ${table} failed (see /fault/error-rate)`);
            return run(tables[table]);
          });
        return handler({ req, id: template.endsWith('/:id') ? idOf(req.url ?? '') : 0, query });
      });
      res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
      res.end(body === undefined ? undefined : JSON.stringify(body));
      return true;
    },
  };
}

function idOf(url: string): number {
  const raw = url.split(/[?#]/)[0]!.replace(/\/$/, '').split('/').pop() ?? '';
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id)) throw new ValidationError('id', 'integer', `id ${JSON.stringify(raw)} is not a whole number`);
  return id;
}

function requiredName(body: Record<string, unknown>): string {
  if (typeof body.name !== 'string' || body.name.trim() === '') throw new ValidationError('name', 'required', 'name is required');
  if (body.name.length > 100) throw new ValidationError('name', 'maxLength', 'name is longer than 100 characters');
  return body.name;
}
