import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { listenOnLoopback } from './listen-on-loopback.js';

describe('listenOnLoopback', () => {
  it('serves on a free port of 127.0.0.1 only, and stop closes it', async () => {
    const server = createServer((_req, res) => res.end('control'));
    const { url, stop } = await listenOnLoopback(server);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(await (await fetch(url)).text()).toBe('control');
    await stop();
    expect(server.listening).toBe(false);
  });
});
