import { containerRuntime } from './container-runtime.js';
import type { EngineName, ImageChoice } from './image-pins.js';

/** Engines whose stand-in scripts/build-offline-images.sh can build from Debian packages. */
const buildableOffline: ReadonlySet<EngineName> = new Set(['prometheus', 'alertmanager', 'node-exporter', 'mysqld-exporter', 'database', 'jruby']);

/** How to get an image that is missing, in words a user can act on. */
export function howToGet(choice: ImageChoice): string {
  const offline = buildableOffline.has(choice.engine)
    ? `On a machine without a registry, build a stand-in with \`npm run images:offline\` (it writes .env.images, which selects it).`
    : `No stand-in for ${choice.engine} can be built from Debian packages: run this where a registry is reachable, or \`docker load\` the image from an archive.`;
  const pull =
    choice.image === choice.pinned
      ? `Pull it with \`docker pull ${choice.image}\`. `
      : `Build or load ${choice.image}, or unset ${choice.source.replace(/.*\((.*)\)/, '$1')} to use the pinned ${choice.pinned}. `;
  return pull + offline;
}

const checked = new Map<string, Promise<string | undefined>>();

/**
 * Makes sure an engine's image is on this machine, pulling it when it is not. Resolves to
 * undefined when it is there, or to a sentence naming the image, why it is missing and how
 * to get it. A missing image otherwise surfaces from testcontainers as a registry DNS error.
 */
export function ensureImage(choice: ImageChoice): Promise<string | undefined> {
  // Keyed by daemon too: an image present on one Docker host says nothing about another.
  const key = `${process.env.DOCKER_HOST ?? ''}|${choice.image}`;
  let result = checked.get(key);
  if (!result) {
    result = (async () => {
      const client = await containerRuntime();
      const { ImageName } = await import('testcontainers');
      const name = ImageName.fromString(choice.image);
      if (await client.image.exists(name)) return undefined;
      try {
        await client.image.pull(name);
        return undefined;
      } catch (error) {
        const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
        return `image ${choice.image} for ${choice.engine} (from ${choice.source}) is not on this machine and could not be pulled (${why}). ${howToGet(choice)}`;
      }
    })();
    checked.set(key, result);
    // An answer (there, or missing and why) is kept; a throw (the daemon did not answer) is not.
    const asked = result;
    asked.catch(() => checked.get(key) === asked && checked.delete(key));
  }
  return result;
}
