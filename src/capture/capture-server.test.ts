import { connect } from 'node:net';
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
  it("lists only the requests whose body names the token, after the mark: a listing stays the size of one test's traffic", async () => {
    const after = await client.mark();
    for (const cluster of ['mine-1a2b3c', 'other-4d5e6f', 'mine-1a2b3c', 'other-4d5e6f'])
      await fetch(`${server.url}/stack/slack/x`, { method: 'POST', body: JSON.stringify({ text: `firing in cluster ${cluster}` }) });
    const mine = await client.requests({ path: '/stack', after, token: 'mine-1a2b3c' });
    expect(mine.requests.map((r) => r.json)).toEqual([{ text: 'firing in cluster mine-1a2b3c' }, { text: 'firing in cluster mine-1a2b3c' }]);
    expect((await client.requests({ path: '/stack', after: mine.requests[0]!.seq, token: 'mine-1a2b3c' })).requests.map((r) => r.seq)).toEqual([mine.requests[1]!.seq]);
    // The newest sequence number of the whole server, not of the filtered list: a mark for the next read.
    expect(mine.latest).toBe(await client.mark());
  });

  it("leaves closing an idle connection to its client: a request on a connection idle past Node's 5 s keep-alive default is answered, not cut off", { timeout: 20_000 }, async () => {
    // Node closes an idle connection after server.keepAliveTimeout (5 s); undici reuses one for up
    // to its own timeout, measured by a timer that a busy event loop fires late. A request sent in
    // between met a closed socket ("other side closed", the 17 MB listing of the loaded run).
    const socket = connect(server.port, '127.0.0.1');
    const answers: string[] = [];
    socket.on('data', (chunk: Buffer) => answers.push(chunk.toString('latin1')));
    const get = `GET ${'/__capture/requests?path=/__nothing__'} HTTP/1.1\r\nHost: capture\r\n\r\n`;
    const answered = (count: number) => () => answers.join('').split('HTTP/1.1 200').length - 1 >= count;
    socket.write(get);
    await until(answered(1), 5000);
    await new Promise((resolve) => setTimeout(resolve, 6000));
    expect(socket.readyState, 'the idle connection, 6 s later').toBe('open');
    socket.write(get);
    await until(answered(2), 5000);
    socket.destroy();
    // Nor does it announce one, which undici would take as its own bound (client-h1.js, keepAliveTimeout).
    expect(answers.join(''), 'the server must not announce a keep-alive timeout of its own').not.toMatch(/keep-alive: timeout=/i);
  });
});

async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`no answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
