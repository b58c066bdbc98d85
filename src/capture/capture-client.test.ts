import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CaptureClient } from './capture-client.js';

/** A TCP server that cuts the first `cut` connections mid-answer and answers the rest like the capture server. */
async function flakyServer(cut: number): Promise<{ url: string; connections: () => number; server: Server }> {
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.once('data', () => {
      if (connections <= cut) {
        // Half a chunked body, then the end of the connection: a listing cut off.
        socket.end('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n10\r\n{"latest":7,"req');
        return;
      }
      const body = JSON.stringify({ latest: 7, requests: [] });
      socket.end(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections, server };
}

describe('capture client', () => {
  let open: Server | undefined;
  afterEach(() => open?.close());

  it('reads a listing again when the connection is cut off mid-answer (a read is safe to repeat)', async () => {
    const flaky = await flakyServer(1);
    open = flaky.server;
    expect(await new CaptureClient(flaky.url).requests({ token: 'c-1' })).toEqual({ latest: 7, requests: [] });
    expect(flaky.connections()).toBe(2);
  });

  it('gives up after 3 attempts, naming the listing it asked for and why each attempt failed', async () => {
    const flaky = await flakyServer(Number.POSITIVE_INFINITY);
    open = flaky.server;
    const error = await new CaptureClient(flaky.url).requests({ path: '/stack/slack', after: 3, token: 'c-1' }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/capture server: GET http:\/\/127\.0\.0\.1:\d+\/__capture\/requests\?after=3&path=%2Fstack%2Fslack&token=c-1 failed 3 times: .*terminated/);
    expect(flaky.connections()).toBe(3);
  });

  it('refuses an empty token, which would list every request', async () => {
    await expect(new CaptureClient('http://127.0.0.1:9').requests({ token: '' })).rejects.toThrow(/token must not be empty/);
  });
});
