import { writeFileSync } from 'node:fs';
import { ConfigError } from '../sources/config-error.js';
import { repoPath } from '../sources/repo-files.js';
import { regenerateConfigMaps } from '../deploy/configmap-generator.js';
import { loadK8sManifests } from '../deploy/k8s-manifests.js';

// `npm run generate:k8s`: writes monitoring/ files into the ConfigMaps of k8s/*.yaml.
// `npm run check` (deploy/configmap-drift) fails until this has been run after a change.
let failed = false;
try {
  for (const file of loadK8sManifests()) {
    const { text, missing } = regenerateConfigMaps(file);
    for (const error of missing) console.error(error.message);
    failed ||= missing.length > 0;
    if (text === file.text) {
      console.log(`${file.file}: up to date`);
      continue;
    }
    writeFileSync(repoPath(file.file), text);
    console.log(`${file.file}: ConfigMaps rewritten from monitoring/`);
  }
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  failed = true;
}
process.exit(failed ? 1 : 0);
