import { containerRuntime, DockerUnreachableError } from '../engines/container-runtime.js';
import { ensureImage } from '../engines/image-availability.js';
import { imageFor } from '../engines/image-pins.js';
import type { ReproduceTarget } from './reproduce-target.js';

export interface ModeChoice {
  mode: 'live' | 'simulated';
  /** Said in the output: why this mode. */
  reason: string;
}

/**
 * Live (real Prometheus and Alertmanager in containers, playing the incident) when asked and
 * possible; otherwise simulated (promtool on the rule scenario), saying which of the live mode's
 * needs was missing: an incident that fires the alert, Docker, or an engine image.
 */
export async function chooseMode(target: ReproduceTarget, simulated: boolean): Promise<ModeChoice> {
  if (simulated) return { mode: 'simulated', reason: 'asked for with --simulated' };
  if (!target.incident) return { mode: 'simulated', reason: `no incident of fixtures/incidents fires ${target.alerts.join(', ')}, so its rule scenario is played` };
  try {
    await containerRuntime();
  } catch (error) {
    if (error instanceof DockerUnreachableError) return { mode: 'simulated', reason: `no containers: ${error.message}` };
    throw error;
  }
  for (const engine of ['prometheus', 'alertmanager'] as const) {
    const missing = await ensureImage(imageFor(engine));
    if (missing) return { mode: 'simulated', reason: `no containers: ${missing}` };
  }
  return { mode: 'live', reason: `Docker and the ${imageFor('prometheus').image} and ${imageFor('alertmanager').image} images are here` };
}
