// Our stand-in for Ryuk (whose image no registry can supply here): a detached process that
// outlives the harness process it watches and, once that process is gone however it ended,
// removes the containers and networks it created. Plain JavaScript so that it starts with
// bare `node`, without a TypeScript loader.
//
//   node reaper-process.mjs <owner pid> <session id>
import { getContainerRuntimeClient } from 'testcontainers';

const [ownerPid, session] = process.argv.slice(2);
const pollMs = 1000;
const maxLifetimeMs = 12 * 60 * 60 * 1000; // bounded: no run of ours lasts half a day

function alive(pid) {
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

const started = Date.now();
while (alive(ownerPid) && Date.now() - started < maxLifetimeMs) {
  await new Promise((resolve) => setTimeout(resolve, pollMs));
}

const docker = (await getContainerRuntimeClient()).container.dockerode;
const filters = { label: [`timetable-harness.session=${session}`, `timetable-harness.owner-pid=${ownerPid}`] };
for (const info of await docker.listContainers({ all: true, filters })) {
  await docker.getContainer(info.Id).remove({ force: true, v: true }).catch(() => undefined);
}
for (const info of await docker.listNetworks({ filters })) {
  await docker.getNetwork(info.Id).remove().catch(() => undefined);
}
