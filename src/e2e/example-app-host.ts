import { startExampleServer, type ExampleServer, type ExampleServerOptions } from '../../app/example-server.js';

export interface HostedExampleApp {
  readonly port: number;
  /** For the harness itself: localhost. Prometheus reaches it at host.docker.internal:<port>. */
  readonly url: string;
  /** Stops answering, as a crashed process would: scrapes are refused. */
  stop(): Promise<void>;
  /** Starts a fresh instance on the same port, as a restarted process would: counters start at 0. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The example application (app/example-server.ts) running on the host, on every interface so the
 * Prometheus container can scrape it, and able to go down and come back on the same port; with
 * `database`, its tables live in that database (real queries through mysql2).
 */
export async function hostExampleApp(database?: ExampleServerOptions['database']): Promise<HostedExampleApp> {
  let server: ExampleServer | undefined = await startExampleServer({ host: '0.0.0.0', port: 0, database });
  const port = server.port;
  await probeHealth(port);
  const stop = async () => {
    const running = server;
    server = undefined;
    await running?.close();
  };
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stop,
    async start() {
      if (server) return;
      try {
        server = await startExampleServer({ host: '0.0.0.0', port, database });
      } catch (error) {
        throw new Error(`the example app could not listen on port ${port} again (${(error as NodeJS.ErrnoException).code ?? String(error)}): another process took it while the app was down`);
      }
      await probeHealth(port);
    },
    close: stop,
  };
}

/**
 * One GET /health as soon as the app listens, as the readiness probe of compose and k8s makes
 * from a pod's start: health_checks_total exists only once /health has answered, and without it
 * CriticalSignalAbsent rightly reports the app as exporting no health checks (it fired on the
 * healthy live stack when nothing had asked yet). The answer itself does not matter here.
 */
async function probeHealth(port: number): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(60_000) });
  await res.arrayBuffer();
}
