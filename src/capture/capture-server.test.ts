import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureClient } from './capture-client.js';
import { startCaptureServer, type StartedCaptureServer } from './capture-server.js';

describe('capture server', () => {
  let server: StartedCaptureServer;
  let client: CaptureClient;
  beforeAll(async () => {
    server = await startCaptureServer();
    client = new CaptureClient(server.url);
  });
  afterAll(() => server.stop());

  it('records path, headers and JSON body, and answers like Slack', async () => {
    const after = await client.mark();
    const res = await fetch(`${server.url}/slack/warnings?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test': 'yes' },
      body: JSON.stringify({ channel: '#alerts', text: 'hi' }),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    const got = await client.waitFor((r) => r.path === '/slack/warnings', { after, timeoutMs: 2000 });
    expect(got).toMatchObject({ method: 'POST', query: { x: '1' }, json: { channel: '#alerts', text: 'hi' } });
    expect(got.headers['x-test']).toBe('yes');
  });

  it('answers PagerDuty Events v2 with 202 and the dedup key', async () => {
    const res = await fetch(`${server.url}/pagerduty/v2/enqueue`, { method: 'POST', body: JSON.stringify({ event_action: 'trigger', dedup_key: 'abc' }) });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'abc' });
  });

  it('keeps non-JSON bodies as text', async () => {
    const after = await client.mark();
    await fetch(`${server.url}/hook`, { method: 'POST', body: 'not json' });
    const got = await client.waitFor((r) => r.path === '/hook', { after, timeoutMs: 2000 });
    expect(got.json).toBeUndefined();
    expect(got.text).toBe('not json');
  });

  it('fails a path on request, to test delivery failures', async () => {
    await client.failPath('/slack', 500);
    expect((await fetch(`${server.url}/slack/x`, { method: 'POST', body: '{}' })).status).toBe(500);
    await client.failPath('/slack', 0);
    expect((await fetch(`${server.url}/slack/x`, { method: 'POST', body: '{}' })).status).toBe(200);
  });

  it('holds a hanging path unanswered until the sender gives up, and records each answer', async () => {
    const after = await client.mark();
    await client.failPath('/pagerduty-held', 'hang');
    const gaveUp = await fetch(`${server.url}/pagerduty-held/v2/enqueue`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(300) }).catch((e: unknown) => e);
    expect(String(gaveUp)).toMatch(/TimeoutError|aborted/);
    const abandoned = await client.waitFor((r) => r.path === '/pagerduty-held/v2/enqueue' && r.answer === 'abandoned', { after, timeoutMs: 2000 });
    // A request still held when the failure is cleared is released with 504.
    const pending = fetch(`${server.url}/pagerduty-held/v2/enqueue`, { method: 'POST', body: '{}' });
    await client.waitFor((r) => r.seq > abandoned.seq && r.answer === 'held', { after, timeoutMs: 2000 });
    await client.failPath('/pagerduty-held', 0);
    expect((await pending).status).toBe(504);
    expect((await fetch(`${server.url}/pagerduty-held/v2/enqueue`, { method: 'POST', body: '{}' })).status).toBe(202);
    expect((await client.requests({ path: '/pagerduty-held', after })).requests.map((r) => r.answer)).toEqual(['abandoned', 504, 202]);
  });

  it('times out naming what it waited for and what did arrive', async () => {
    const after = await client.mark();
    await fetch(`${server.url}/slack/other`, { method: 'POST', body: '{"text":"unrelated"}' });
    const error = await client.waitFor((r) => r.path === '/never', { after, timeoutMs: 300, what: 'the PagerDuty page' }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/waiting for the PagerDuty page; last seen: .*\/slack\/other.*unrelated/);
  });

  it('keeps its bounded record per path prefix: a flood under one prefix pushes out none of another', async () => {
    await using small = await startCaptureServer(0, { keptPerPrefix: 3 });
    const post = (path: string) => fetch(`${small.url}${path}`, { method: 'POST', body: '{}' });
    await post('/quiet-stack/slack/first');
    for (let i = 1; i <= 5; i++) await post(`/busy-stack/slack/${i}`);
    await post('/quiet-stack/pagerduty/v2/enqueue');
    const { requests } = await new CaptureClient(small.url).requests();
    // The quiet stack's first post outlived five of the busy stack's; the busy stack kept its last 3, in arrival order.
    expect(requests.map((r) => r.path)).toEqual(['/quiet-stack/slack/first', '/busy-stack/slack/3', '/busy-stack/slack/4', '/busy-stack/slack/5', '/quiet-stack/pagerduty/v2/enqueue']);
  });
});
