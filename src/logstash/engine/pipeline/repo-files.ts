import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoPathOf } from '../../container-paths.js';
import { PipelineLoadError } from '../engine-errors.js';

/**
 * Reads a file the config names by its path in the Logstash container, from the repository
 * copy the compose file and the k8s manifests mount there (src/logstash/container-paths.ts).
 */
export function repoFileReader(root: string): (containerPath: string, where: string) => Buffer {
  return (containerPath, where) => {
    const repoPath = repoPathOf(containerPath);
    if (!repoPath) throw new PipelineLoadError(where, `${containerPath} is not inside any mount of the Logstash container`, 'mount the file (src/logstash/container-paths.ts lists the mounts)');
    const abs = join(root, repoPath);
    if (!existsSync(abs)) throw new PipelineLoadError(where, `${containerPath} is mounted from ${repoPath}, which does not exist`);
    return readFileSync(abs);
  };
}
