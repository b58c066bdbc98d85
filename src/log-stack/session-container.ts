import { containerRuntime } from '../engines/container-runtime.js';
import { labelKeys } from '../engines/harness-labels.js';

/**
 * How a test worker finds a container of this run (the engine objects stay in the globalSetup
 * process): by our session label and its image.
 */
export interface SessionContainerRef {
  sessionId: string;
  image: string;
}

/** The id of the one running container of our session with that image. */
export async function sessionContainerId(ref: SessionContainerRef): Promise<string> {
  const client = await containerRuntime();
  const found = (await client.container.list()).filter((c) => c.Labels?.[labelKeys.session] === ref.sessionId && c.Image === ref.image && c.State === 'running');
  if (found.length !== 1) throw new Error(`expected one running ${ref.image} container of session ${ref.sessionId}, found ${found.length}`);
  return found[0]!.Id;
}
