import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppMetrics } from './app-metrics.js';
import { rawRequest, serveLocally, type LocalServer } from '../../tests/support/local-server.js';
import { readRegistry, sampleValue } from '../../tests/support/scrape.js';
import { ValidationError } from './validation-error.js';

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A real Express 5 app: routes on the app, a mounted router, async handlers, the error middleware. */
function timetableApp(metrics = createAppMetrics()) {
  const app = express();
  app.use(metrics.middleware());
  app.get('/metrics', metrics.metricsHandler);
  app.get('/api/timelines/:id', (req, res) => {
    res.json({ id: req.params.id });
  });
  const classes = express.Router();
  classes.get('/:classId/students', async (req, res) => {
    await new Promise((resolve) => setImmediate(resolve)); // answer after the router has moved on
    res.json({ classId: req.params.classId, students: [] });
  });
  classes.post('/', () => {
    throw new ValidationError('name', 'required');
  });
  classes.delete('/:classId', () => {
    throw new Error('the database went away');
  });
  app.use('/api/classes', classes);
  app.use(metrics.errors.expressHandler());
  return { app, metrics };
}

describe('HTTP middleware in a real Express app', () => {
  it("labels by the template Express matched, including a mounted router's prefix", async () => {
    const { app, metrics } = timetableApp();
    server = await serveLocally(app);
    expect((await rawRequest(`${server.url}/api/timelines/17?x=1`)).status).toBe(200);
    expect((await rawRequest(`${server.url}/api/classes/7B/students`)).status).toBe(200);
    expect((await rawRequest(`${server.url}/api/classes/8C/students`)).status).toBe(200);
    const families = await readRegistry(metrics.registry);
    expect(sampleValue(families, 'http_requests_total', { route: '/api/timelines/:id', status: '200' })).toBe(1);
    expect(sampleValue(families, 'http_requests_total', { route: '/api/classes/:classId/students', status: '200' })).toBe(2);
  });

  it('labels requests no route matched "unmatched", with the 404 Express answered', async () => {
    const { app, metrics } = timetableApp();
    server = await serveLocally(app);
    expect((await rawRequest(`${server.url}/api/nothing/here`)).status).toBe(404);
    const families = await readRegistry(metrics.registry);
    expect(sampleValue(families, 'http_requests_total', { route: 'unmatched', status: '404' })).toBe(1);
  });

  it('records a ValidationError as 400 and counts its field and rule; any other error as 500; both under the full route', async () => {
    const { app, metrics } = timetableApp();
    server = await serveLocally(app);
    expect((await rawRequest(`${server.url}/api/classes`, { method: 'POST' })).status).toBe(400);
    expect((await rawRequest(`${server.url}/api/classes/7B`, { method: 'DELETE' })).status).toBe(500);
    const families = await readRegistry(metrics.registry);
    expect(sampleValue(families, 'http_requests_total', { method: 'POST', route: '/api/classes', status: '400' })).toBe(1);
    expect(sampleValue(families, 'timetable_validation_errors_total', { field: 'name', rule: 'required' })).toBe(1);
    expect(sampleValue(families, 'http_requests_total', { method: 'DELETE', route: '/api/classes/:classId', status: '500' })).toBe(1);
  });

  it('serves /metrics as an Express route with the Prometheus content type', async () => {
    const { app } = timetableApp();
    server = await serveLocally(app);
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(await response.text()).toContain('# TYPE http_requests_total counter');
  });
});
