import type { Workspace } from '../workspace/workspace.js';
import { posix } from 'node:path';
import type { Check } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import type { SourceFiles } from '../sources/source-files.js';
import type { YamlFile } from '../sources/yaml-file.js';
import { sourcePatterns } from './configmap-sources.js';
import { k8sObjects, lineIn, objectName } from './k8s-manifests.js';

const id = 'deploy/security';

/** What is scanned: every config of the stack, whoever owns it. Secrets dir excluded: it is git-ignored. */
export const scannedRoots = ['monitoring', 'k8s'];
const scannedFile = /\.(ya?ml|json|conf)$/;
const ignoredDirs = new Set(['monitoring/secrets']);

interface LineRule {
  pattern: RegExp;
  message: (match: RegExpExecArray) => string;
  hint: string;
}

/** A value that comes from elsewhere: `${VAR}` without a default, a secretKeyRef, a file. */
const fromOutside = (value: string) => /^\$\{[A-Za-z_]\w*(:?\?[^}]*)?\}$/.test(value);

const lineRules: readonly LineRule[] = [
  {
    pattern: /hooks\.slack\.com\/services\/[A-Za-z0-9]+\/[A-Za-z0-9]+\/[A-Za-z0-9]+/,
    message: () => 'a Slack webhook URL is committed in clear',
    hint: 'rotate the webhook, then read it from a file (Alertmanager api_url_file: /etc/alertmanager/secrets/slack_api_url)',
  },
  {
    pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
    message: () => 'a private key is committed',
    hint: 'remove it, rotate it, and mount it from a Secret or a git-ignored file',
  },
  {
    pattern: /\b(routing_key|service_key|integration_key)\s*:\s*["']?([0-9a-zA-Z]{20,})/,
    message: (m) => `a PagerDuty ${m[1]} is committed in clear`,
    hint: 'rotate the key, then use routing_key_file: /etc/alertmanager/secrets/pagerduty_routing_key',
  },
  {
    // `${VAR:-admin}`: a default password is a default credential, even behind a variable.
    pattern: /\$\{\w*(PASSWORD|PASSWD|SECRET|TOKEN)\w*:?-([^}]+)\}/i,
    message: (m) => `a password variable falls back to "${m[2]}" when unset`,
    hint: 'use ${VAR:?message} so the stack refuses to start without it',
  },
  {
    // `=>` is how the Logstash config language assigns an option.
    pattern: /\b(GF_SECURITY_ADMIN_PASSWORD|admin_password|ELASTIC_PASSWORD|MYSQL_ROOT_PASSWORD|MYSQL_PASSWORD|password|passwd|secret|token|api_key|apikey)\b["']?\s*(?:=>|[:=])\s*["']?([^"'\s,}#]+)/i,
    message: (m) => (/^(admin|password|changeme|secret|root)$/i.test(m[2]!) ? `${m[1]} is set to the default credential "${m[2]}"` : `${m[1]} is set to a literal value`),
    hint: 'take it from the environment without a default (${VAR:?...}), a Kubernetes Secret (secretKeyRef) or a *_file field',
  },
  {
    pattern: /\badmin\/admin\b/,
    message: () => 'admin/admin is named as the credentials',
    hint: 'there are no default credentials: the admin password comes from GF_ADMIN_PASSWORD or the grafana-admin Secret',
  },
];

/** Image references without a tag, or with `latest`. */
const imageLine = /^\s*-?\s*image:\s*["']?([^"'\s#]+)/;

export function securityProblemsOfText(file: string, text: string, skipLines: ReadonlySet<number> = new Set()): Problem[] {
  const problems: Problem[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*#/.test(line) || skipLines.has(i + 1)) return;
    for (const rule of lineRules) {
      const match = rule.pattern.exec(line);
      if (!match) continue;
      const value = match[2];
      if (rule.pattern === lineRules[4]!.pattern && (value === undefined || fromOutside(value) || /_file$/i.test(match[1]!) || value.startsWith('$') || /^(null|~|""|'')$/.test(value))) continue;
      problems.push(problem({ check: id, file, line: i + 1, column: match.index + 1, message: rule.message(match), hint: rule.hint }));
      break;
    }
    const image = imageLine.exec(line);
    if (image) {
      const ref = image[1]!;
      const tag = ref.includes('@') ? 'digest' : ref.lastIndexOf(':') > ref.lastIndexOf('/') ? ref.slice(ref.lastIndexOf(':') + 1) : undefined;
      if (!tag || tag === 'latest')
        problems.push(
          problem({
            check: id,
            file,
            line: i + 1,
            message: `image ${ref} is not pinned${tag ? ' (latest moves)' : ' (no tag means latest)'}`,
            hint: 'pin an exact version tag, the one monitoring/docker-compose.monitoring.yml pins',
          }),
        );
    }
  });
  return problems;
}

/**
 * Lines of a manifest that are copies of monitoring/ files (the data of ConfigMaps that name
 * their sources): those files are linted where they live, and their test canaries (a fake
 * "hunter2" password in the redaction script) are not secrets of the deployment.
 */
export function carriedLines(manifest: YamlFile): Set<number> {
  const lines = new Set<number>();
  for (const o of k8sObjects([manifest]).filter((o) => o.kind === 'ConfigMap' && sourcePatterns(o))) {
    const node = manifest.documents[o.doc]?.get('data', true) as { range?: [number, number, number] } | undefined;
    if (!node?.range) continue;
    for (let line = manifest.lineAt(node.range[0]); line <= manifest.lineAt(Math.max(node.range[0], node.range[1] - 1)); line++) lines.add(line);
  }
  return lines;
}

/** A Kubernetes Secret with values in git is a secret in clear, whatever its encoding. */
export function committedSecrets(manifest: YamlFile): Problem[] {
  return k8sObjects([manifest])
    .filter((o) => o.kind === 'Secret' && (o.data.data !== undefined || o.data.stringData !== undefined))
    .map((o) =>
      problem({
        check: id,
        file: manifest.file,
        line: lineIn(o, [o.data.data !== undefined ? 'data' : 'stringData']),
        message: `${objectName(o)} carries its values in git (base64 is not encryption)`,
        hint: 'create it with `kubectl create secret generic ... --from-file=...` instead, and keep only its name in the manifests',
      }),
    );
}

function filesUnder(files: SourceFiles, dir: string): string[] {
  if (ignoredDirs.has(dir)) return [];
  return files.list(dir).flatMap((e) => {
    const child = posix.join(dir, e);
    return files.isDirectory(child) ? filesUnder(files, child) : scannedFile.test(e) ? [child] : [];
  });
}

export const securityLintCheck: Check<Workspace> = {
  id,
  description: 'no default credentials, no secret in clear, every image pinned (monitoring/ and k8s/)',
  async run({ workspace }) {
    const problems: Problem[] = [];
    for (const file of scannedRoots.flatMap((root) => filesUnder(workspace, root)).sort()) {
      const text = workspace.text(file);
      const manifest = file.startsWith('k8s/') && /\.ya?ml$/.test(file) ? workspace.yaml(file) : undefined;
      problems.push(...securityProblemsOfText(file, text, manifest ? carriedLines(manifest) : undefined));
      if (manifest) problems.push(...committedSecrets(manifest));
    }
    return problems;
  },
};
