import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppMetrics } from '../metrics/app-metrics.js';
import { ValidationError } from '../metrics/validation-error.js';
import type { FaultInjection } from './fault-injection.js';
import { readJsonBody } from './read-json-body.js';

import type { TableName, TableStore } from './table-store.js';

type Query = <T>(operation: string, table: TableName, run: (store: TableStore) => Promise<T>) => Promise<T>;
interface Call {
  req: IncomingMessage;
  id: number;
  query: Query;
}
type Handler = (call: Call) => Promise<[status: number, body?: unknown]>;

/** Event types the API accepts; anything else is a validation error (field type, rule oneOf). */
export const eventTypes = ['lesson', 'exam', 'break', 'meeting'] as const;

/**
 * A tiny timetable API over a TableStore (the e2e database through mysql2, or memory): every
 * statement goes through metrics.db.timeQuery, and single timelines are read through a cache,
 * so each metric of the contract moves when the API is used, and a database that fails shows
 * in the query metrics the way it would in production.
 */
export function createTimetableApi(metrics: AppMetrics, faults: FaultInjection, store: TableStore) {
  const cache = new Map<number, Record<string, unknown>>();
  const cacheChanged = () => metrics.cache.setEntries('timelines', cache.size);
  cacheChanged();

  const handlers = new Map<string, Handler>([
    ['GET /api/timelines', async ({ query }) => [200, await query('select', 'timelines', (db) => db.all('timelines'))]],
    [
      'POST /api/timelines',
      async ({ req, query }) => {
        const name = requiredName(await readJsonBody(req));
        const row = await query('insert', 'timelines', (db) => db.insert('timelines', { name }));
        metrics.business.timelineCreated();
        return [201, row];
      },
    ],
    [
      'GET /api/timelines/:id',
      async ({ id, query }) => {
        let row = metrics.cache.lookup('timelines', cache.get(id));
        if (row === undefined) {
          row = await query('select', 'timelines', (db) => db.get('timelines', id));
          if (row) cache.set(id, row);
          cacheChanged();
        }
        return row ? [200, row] : [404, { error: `no timeline ${id}` }];
      },
    ],
    [
      'PUT /api/timelines/:id',
      async ({ req, id, query }) => {
        const name = requiredName(await readJsonBody(req));
        const row = await query('update', 'timelines', (db) => db.update('timelines', id, { name }));
        if (!row) return [404, { error: `no timeline ${id}` }];
        cache.delete(id);
        cacheChanged();
        metrics.business.timelineUpdated();
        return [200, row];
      },
    ],
    [
      'DELETE /api/timelines/:id',
      async ({ id, query }) => {
        if (!(await query('delete', 'timelines', (db) => db.delete('timelines', id)))) return [404, { error: `no timeline ${id}` }];
        cache.delete(id);
        cacheChanged();
        metrics.business.timelineDeleted();
        return [204];
      },
    ],
    [
      'POST /api/classes',
      async ({ req, query }) => {
        const name = requiredName(await readJsonBody(req));
        const row = await query('insert', 'classes', (db) => db.insert('classes', { name }));
        metrics.business.classCreated();
        return [201, row];
      },
    ],
    [
      'POST /api/events',
      async ({ req, query }) => {
        const { type, timelineId } = await readJsonBody(req);
        if (typeof type !== 'string' || !(eventTypes as readonly string[]).includes(type)) throw new ValidationError('type', 'oneOf', `type must be one of ${eventTypes.join(', ')}`);
        const timeline = Number(timelineId);
        if (!Number.isSafeInteger(timeline) || !(await query('select', 'timelines', (db) => db.get('timelines', timeline))))
          throw new ValidationError('timelineId', 'exists', `there is no timeline ${String(timelineId)}`);
        const row = await query('insert', 'events', (db) => db.insert('events', { type, timelineId: timeline }));
        metrics.business.eventScheduled(type);
        return [201, row];
      },
    ],
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
            return run(store);
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
