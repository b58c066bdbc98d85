import { startCaptureServer } from '../capture/capture-server.js';
import { ruleTimeFactor } from '../e2e/test-timing.js';
import { startEngineNetwork } from '../engines/container-network.js';
import { hostFromEngines, type EngineNetwork } from '../engines/engine.js';
import { sweepOrphans } from '../engines/reaper.js';
import { alertingStackWith, type AlertingStackInfo } from '../stacks/alerting-stack.js';
import type { SourceFiles } from '../sources/source-files.js';
import { withProgress } from './progress.js';

/** The engines a live reproduction plays on: the canonical Alertmanager, and a network for the incident's Prometheus. */
export interface LiveEngines {
  alerting: AlertingStackInfo;
  /** host:port at which a Prometheus on `network` reaches the Alertmanager. */
  alertmanagerAddress: string;
  network: EngineNetwork;
  /** Started by an earlier `--reuse` run, and left running for the next. */
  reused: boolean;
  stop(): Promise<void>;
}

export const alertmanagerName = 'reproduce-alertmanager';

/**
 * The canonical Alertmanager as the end-to-end tests run it (receivers pointed at a capture
 * server, routing timers divided by the rules' time factor), through the same stack code, with a
 * capture server in this process, running the alertmanager.yml of `sources` (the checkout `--root`
 * names). Everything stops with `stop()`, or with the process (reaper).
 */
export async function startAlerting(write: (line: string) => void, sources: SourceFiles): Promise<{ alerting: AlertingStackInfo; network: EngineNetwork; stop(): Promise<void> }> {
  await sweepOrphans();
  const capture = await startCaptureServer();
  let network: EngineNetwork | undefined;
  try {
    network = await withProgress(write, 'creating a Docker network for the engines', () => startEngineNetwork());
    const stack = alertingStackWith('reproduce', '/reproduce', { name: alertmanagerName, timeFactor: ruleTimeFactor, sources });
    const net = network;
    const started = await withProgress(write, `starting Alertmanager with monitoring/alertmanager.yml (timers ÷${ruleTimeFactor})`, () =>
      stack.start({ network: net, capture, captureFromEngines: `http://${hostFromEngines}:${capture.port}` }),
    );
    return {
      alerting: started.info,
      network: net,
      stop: async () => {
        await started.stop();
        await net.stop();
        await capture.stop();
      },
    };
  } catch (error) {
    await network?.stop();
    await capture.stop();
    throw error;
  }
}

/** Engines of this run alone: they stop when the run ends. */
export async function ownEngines(write: (line: string) => void, sources: SourceFiles): Promise<LiveEngines> {
  const started = await startAlerting(write, sources);
  return { ...started, alertmanagerAddress: `${alertmanagerName}:9093`, reused: false };
}
