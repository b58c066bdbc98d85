import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A control server listening: its base URL, and how to close it. */
export interface LoopbackServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `server` on a free port of 127.0.0.1: the control servers (stack-control.ts,
 * ../faults/stand-in-control.ts) let the tests' worker processes command what lives in the
 * globalSetup process, and no one outside this machine may, so they never listen on every
 * interface (the capture server and the stand-in targets do, for the containers).
 */
export async function listenOnLoopback(server: Server): Promise<LoopbackServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
