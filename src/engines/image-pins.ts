import { existsSync, readFileSync } from 'node:fs';
import { ConfigError } from '../sources/config-error.js';
import { repoPath } from '../sources/repo-files.js';
import { YamlFile } from '../sources/yaml-file.js';

export const composeFile = 'monitoring/docker-compose.monitoring.yml';
const overridesFile = '.env.images';

/** Engines the harness can start: compose service names, plus `database` from x-harness-images. */
export type EngineName = 'prometheus' | 'alertmanager' | 'node-exporter' | 'mysqld-exporter' | 'cadvisor' | 'grafana' | 'elasticsearch' | 'logstash' | 'kibana' | 'database' | 'jruby';

export interface ImageChoice {
  engine: EngineName;
  /** The image to run. */
  image: string;
  /** The official image pinned in the compose file. */
  pinned: string;
  /** Where `image` came from: the pin itself, or an override. */
  source: 'compose pin' | `environment (${string})` | `${typeof overridesFile} (${string})`;
}

/** `prom/prometheus:v3.5.3` or `local/prometheus:3.5.3` → `3.5.3`: the release an image's tag names. */
export function engineVersion(image: string): string {
  return image.replace(/^.*:v?/, '');
}

/** `node-exporter` → `HARNESS_IMAGE_NODE_EXPORTER`. */
export function overrideVariable(engine: EngineName): string {
  return `HARNESS_IMAGE_${engine.toUpperCase().replaceAll('-', '_')}`;
}

/**
 * The image for each engine: the compose file's pin, unless HARNESS_IMAGE_<ENGINE> names
 * another (in the environment, or in .env.images which scripts/build-offline-images.sh writes).
 */
export function imageFor(engine: EngineName, env: NodeJS.ProcessEnv = process.env): ImageChoice {
  const pinned = pinnedImages().get(engine);
  if (!pinned) {
    throw new ConfigError(
      composeFile,
      `no image is pinned for the engine "${engine}"`,
      engine === 'database' ? 'add it under x-harness-images: database: <image:tag>' : `add a "${engine}" service with an exact image tag`,
    );
  }
  const variable = overrideVariable(engine);
  if (env[variable]) return { engine, image: env[variable]!, pinned, source: `environment (${variable})` };
  const fromFile = readOverridesFile().get(variable);
  if (fromFile) return { engine, image: fromFile, pinned, source: `${overridesFile} (${variable})` };
  return { engine, image: pinned, pinned, source: 'compose pin' };
}

let pins: Map<EngineName, string> | undefined;
function pinnedImages(): Map<EngineName, string> {
  if (pins) return pins;
  const compose = YamlFile.load(composeFile, 'the monitoring compose file');
  const data = compose.data as { services?: Record<string, { image?: string }>; 'x-harness-images'?: Record<string, string> } | null;
  pins = new Map();
  for (const [name, service] of Object.entries(data?.services ?? {})) {
    if (service?.image) pins.set(name as EngineName, service.image);
  }
  for (const [name, image] of Object.entries(data?.['x-harness-images'] ?? {})) pins.set(name as EngineName, image);
  return pins;
}

function readOverridesFile(): Map<string, string> {
  const path = repoPath(overridesFile);
  const entries = new Map<string, string>();
  if (!existsSync(path)) return entries;
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq > 0) entries.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return entries;
}
