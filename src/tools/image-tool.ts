import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import { repoRoot } from '../sources/repo-files.js';
import { containerRuntime } from '../engines/container-runtime.js';
import { harnessLabels } from '../engines/harness-labels.js';
import type { ToolName, ToolResult } from './tool-result.js';

const pathInImage: Record<ToolName, string> = { promtool: '/bin/promtool', amtool: '/bin/amtool' };

/**
 * Runs the tool inside its pinned engine image, as the user who runs the harness, with no
 * network. The repository, the working directory (the tree `check --root` checks) and the temp
 * directory are mounted at their own paths, so file arguments mean the same thing as for a local binary.
 */
export function imageRunner(tool: ToolName, image: string): (args: readonly string[], cwd: string) => Promise<ToolResult> {
  return async (args, cwd) => {
    const docker = (await containerRuntime()).container.dockerode;
    const stdout = collect();
    const stderr = collect();
    const uid = process.getuid?.() ?? 0;
    const gid = process.getgid?.() ?? 0;
    const [result, container] = (await docker.run(image, [...args], [stdout.stream, stderr.stream], {
      Entrypoint: [pathInImage[tool]],
      WorkingDir: cwd,
      User: `${uid}:${gid}`,
      Tty: false,
      Labels: harnessLabels(),
      HostConfig: { NetworkMode: 'none', Binds: [...readOnly(cwd).map((dir) => `${dir}:${dir}:ro`), `${tmpdir()}:${tmpdir()}`] },
    })) as [{ StatusCode: number }, { remove(opts: object): Promise<unknown> }];
    await container.remove({ force: true }).catch(() => undefined);
    return { exitCode: result.StatusCode, stdout: stdout.text(), stderr: stderr.text(), via: `image ${image}` };
  };
}

/** The repository, and the working directory when it lies outside it and outside the temp directory. */
function readOnly(cwd: string): string[] {
  const inside = (dir: string, parent: string) => dir === parent || dir.startsWith(`${parent}/`);
  return inside(cwd, repoRoot) || inside(cwd, tmpdir()) ? [repoRoot] : [repoRoot, cwd];
}

function collect(): { stream: PassThrough; text(): string } {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}
