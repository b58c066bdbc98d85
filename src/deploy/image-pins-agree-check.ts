import type { Workspace } from '../workspace/workspace.js';
import type { Check } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import type { YamlFile } from '../sources/yaml-file.js';
import { containersOf, k8sObjects, lineIn, objectName } from './k8s-manifests.js';

const id = 'deploy/image-pins';

/** `docker.elastic.co/kibana/kibana:8.17.4` → repository and tag (digest pins count as tags). */
export function splitImage(image: string): { repository: string; tag?: string } {
  const at = image.indexOf('@');
  if (at >= 0) return { repository: image.slice(0, at), tag: image.slice(at + 1) };
  const colon = image.lastIndexOf(':');
  // A colon before the last slash belongs to a registry port (localhost:5000/x), not a tag.
  if (colon < 0 || colon < image.lastIndexOf('/')) return { repository: image };
  return { repository: image.slice(0, colon), tag: image.slice(colon + 1) };
}

/**
 * The compose file pins every image version once; k8s must run the same version of each
 * image it shares with compose, and no image compose does not know (it would escape the pin
 * that the test suite exercises).
 */
export function imagePinsAgree(compose: YamlFile, manifests: readonly YamlFile[]): Problem[] {
  const services = ((compose.data ?? {}) as { services?: Record<string, { image?: unknown }> }).services ?? {};
  const pinned = new Map<string, { service: string; tag?: string }>();
  for (const [service, spec] of Object.entries(services)) {
    if (typeof spec?.image === 'string') pinned.set(splitImage(spec.image).repository, { service, tag: splitImage(spec.image).tag });
  }
  const problems: Problem[] = [];
  for (const workload of k8sObjects(manifests)) {
    for (const { container, path } of containersOf(workload)) {
      const image = String(container.image ?? '');
      const { repository, tag } = splitImage(image);
      const pin = pinned.get(repository);
      const at = { check: id, file: workload.file.file, line: lineIn(workload, [...path, 'image']) };
      if (!pin) {
        problems.push(
          problem({
            ...at,
            message: `${objectName(workload)} runs ${image}, which ${compose.file} does not pin`,
            hint: `add a service with this image to ${compose.file} (the one place versions are pinned), or use an image it pins`,
          }),
        );
      } else if (pin.tag !== tag) {
        problems.push(
          problem({
            ...at,
            message: `${objectName(workload)} runs ${image}, but ${compose.file} pins ${repository}:${pin.tag ?? '(no tag)'} (service "${pin.service}")`,
            hint: `use ${repository}:${pin.tag}: the version the test suite exercises`,
          }),
        );
      }
    }
  }
  return problems;
}

export const imagePinsAgreeCheck: Check<Workspace> = {
  id,
  description: 'k8s runs exactly the image versions the compose file pins',
  run: async ({ workspace }) => imagePinsAgree(workspace.compose(), workspace.manifests()),
};
