import { connect, type Socket } from 'node:net';

export interface Address {
  host: string;
  port: number;
}

/** The JRuby stand-in answered with an error, or the connection failed. */
export class JrubyRequestError extends Error {
  constructor(
    message: string,
    readonly rubyClass?: string,
  ) {
    super(message);
    this.name = 'JrubyRequestError';
  }
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  what: string;
}

/**
 * One TCP connection speaking newline-delimited JSON: every request gets an id, every answer
 * names the id it answers, and each request has its own deadline. A closed connection fails
 * every request still waiting, saying so.
 */
export class NdjsonConnection {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private buffer = '';
  private closedBecause: string | undefined;

  private constructor(
    private readonly socket: Socket,
    private readonly where: string,
  ) {
    socket.setEncoding('utf8');
    socket.setNoDelay(true);
    socket.on('data', (chunk: string) => this.receive(chunk));
    socket.on('error', (error) => this.failAll(`the connection to ${where} failed (${error.message})`));
    socket.on('close', () => this.failAll(`${where} closed the connection (the JRuby process may have died: see its log)`));
  }

  static open(address: Address, timeoutMs = 30_000): Promise<NdjsonConnection> {
    const where = `the JRuby stand-in at ${address.host}:${address.port}`;
    return new Promise((resolve, reject) => {
      const socket = connect({ host: address.host, port: address.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new JrubyRequestError(`could not connect to ${where} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(new NdjsonConnection(socket, where));
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(new JrubyRequestError(`could not connect to ${where}: ${error.message}`));
      });
    });
  }

  /** Sends `body` (an object without `id`) and resolves with the answer's `result`. */
  request<T>(body: Record<string, unknown>, timeoutMs: number): Promise<T> {
    if (this.closedBecause) return Promise.reject(new JrubyRequestError(this.closedBecause));
    const id = this.nextId++;
    const what = `${String(body.op)} request ${id}`;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new JrubyRequestError(`${what} got no answer from ${this.where} within ${timeoutMs} ms`));
        // Its answer may still come; a late answer to a forgotten id is dropped.
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer, what });
      this.socket.write(`${JSON.stringify({ ...body, id })}\n`);
    });
  }

  close(): void {
    this.closedBecause = 'the connection was closed by the harness';
    this.socket.destroy();
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let newline: number;
    while ((newline = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      if (line.trim()) this.answer(line);
    }
  }

  private answer(line: string): void {
    let message: { id?: number | null; ok?: boolean; result?: unknown; error?: { class: string; message: string } };
    try {
      message = JSON.parse(line);
    } catch {
      this.failAll(`${this.where} sent a line that is not JSON: ${line.slice(0, 200)}`);
      return;
    }
    const pending = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
    if (!pending) return;
    this.pending.delete(message.id as number);
    clearTimeout(pending.timer);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(new JrubyRequestError(`${pending.what} failed in JRuby: ${message.error?.class}: ${message.error?.message}`, message.error?.class));
  }

  private failAll(reason: string): void {
    this.closedBecause ??= reason;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new JrubyRequestError(`${pending.what}: ${reason}`));
      this.pending.delete(id);
    }
  }
}
