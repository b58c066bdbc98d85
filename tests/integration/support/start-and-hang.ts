// Test support for reaper.test.ts: starts an engine network with one engine, prints the
// container's id, then hangs until killed, so the test can kill it the hard way (SIGKILL)
// and watch the reaper clean up after it.
import { startEngineNetwork } from '../../../src/engines/container-network.js';
import { prometheusSpec } from '../../../src/stacks/prometheus-spec.js';

const network = await startEngineNetwork();
const engine = await network.start(prometheusSpec({ name: 'reaper-victim', config: 'global: {}\n' }));
console.log(JSON.stringify({ pid: process.pid, network: network.name, port: engine.port(9090) }));
setTimeout(() => undefined, 10 * 60 * 1000); // bounded: the test kills it long before
