// Our stand-in for Ryuk (whose image no registry can supply here): a detached process that
// outlives the harness process it watches and, once that process is gone however it ended,
// removes the containers and networks it created. Plain JavaScript so that it starts with
// bare `node`, without a TypeScript loader.
//
// It also keeps the owner's session keeper: a container from an image the run already has,
// running `cat` on a stdin that this process holds open through an attach stream
// (StdinOnce). If this process dies too (SIGKILL of the whole job, a machine gone), the stream
// closes, `cat` reads EOF and the keeper exits: any other run's sweep then knows this owner is
// gone (session-liveness.ts), without a process id, which means nothing across machines.
//
//   node reaper-process.mjs <owner pid> <owner token> <session id> <keeper images, JSON array>
// Prints one JSON line: {"keeper": "<id>"} or {"keeper": null, "why": "..."}.
import { getContainerRuntimeClient } from 'testcontainers';

const [ownerPid, owner, session, imagesJson] = process.argv.slice(2);
const pollMs = 1000;
const maxLifetimeMs = 12 * 60 * 60 * 1000; // bounded: no run of ours lasts half a day
process.stdout.on('error', () => undefined); // the owner may be gone before it reads our line

function alive(pid) {
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

const started = Date.now();
const docker = (await getContainerRuntimeClient()).container.dockerode;

async function startKeeper() {
  let image;
  for (const candidate of JSON.parse(imagesJson)) {
    if (
      await docker
        .getImage(candidate)
        .inspect()
        .then(
          () => true,
          () => false,
        )
    ) {
      image = candidate;
      break;
    }
  }
  if (!image) return { keeper: null, why: `none of the images ${imagesJson} is on the Docker host` };
  const container = await docker.createContainer({
    name: `timetable-harness-keeper-${owner.slice(0, 12)}`,
    Image: image,
    Entrypoint: ['cat'],
    Cmd: [],
    OpenStdin: true,
    StdinOnce: true,
    AttachStdin: true,
    Tty: false,
    Labels: {
      'timetable-harness.session': session,
      'timetable-harness.owner': owner,
      'timetable-harness.owner-pid': ownerPid,
      'timetable-harness.role': 'keeper',
      'org.testcontainers': 'true',
    },
    HostConfig: { NetworkMode: 'none', Memory: 64 * 1024 * 1024 },
  });
  const stream = await container.attach({ stream: true, stdin: true, stdout: false, stderr: false, hijack: true });
  stream.on('error', () => undefined);
  // An idle stream through NATs or proxies (remote DOCKER_HOST) stays open with TCP keepalive.
  stream.setKeepAlive?.(true, 30_000);
  globalThis.keeperStream = stream; // held for this process's whole life
  await container.start();
  return { keeper: container.id };
}

const keeper = await startKeeper().catch((error) => ({ keeper: null, why: String(error?.message ?? error).split('\n')[0] }));
process.stdout.write(`${JSON.stringify(keeper)}\n`);

while (alive(ownerPid) && Date.now() - started < maxLifetimeMs) {
  await new Promise((resolve) => setTimeout(resolve, pollMs));
}

// Everything of this owner, the keeper last: it says "alive" until the rest is gone.
const filters = { label: [`timetable-harness.owner=${owner}`] };
const remove = (info) =>
  docker
    .getContainer(info.Id)
    .remove({ force: true, v: true })
    .catch(() => undefined);
const containers = await docker.listContainers({ all: true, filters });
const isKeeper = (info) => info.Labels['timetable-harness.role'] === 'keeper';
for (const info of containers.filter((c) => !isKeeper(c))) await remove(info);
for (const info of await docker.listNetworks({ filters })) {
  await docker
    .getNetwork(info.Id)
    .remove()
    .catch(() => undefined);
}
for (const info of containers.filter(isKeeper)) await remove(info);
process.exit(0);
