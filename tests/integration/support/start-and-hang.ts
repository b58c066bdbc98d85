// Test support for the reaper tests: starts an engine network with one engine, prints what the
// test needs to find it (owner pid and token, its reaper's pid, the network), then hangs until
// killed, so the test can kill it the hard way (SIGKILL) and watch what is cleaned up.
import { startEngineNetwork } from '../../../src/engines/container-network.js';
import { ownerToken } from '../../../src/engines/harness-labels.js';
import { ensureReaper } from '../../../src/engines/reaper.js';
import { prometheusSpec } from '../../../src/stacks/prometheus-spec.js';

const network = await startEngineNetwork();
const engine = await network.start(prometheusSpec({ name: 'reaper-victim', config: 'global: {}\n' }));
const reaper = await ensureReaper();
console.log(JSON.stringify({ pid: process.pid, owner: ownerToken, reaperPid: reaper.pid, keeper: reaper.keeper, why: reaper.why, network: network.name, port: engine.port(9090) }));
setTimeout(() => undefined, 10 * 60 * 1000); // bounded: the test kills it long before
