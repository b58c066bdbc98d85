import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import type { PipelineConfig } from '../parser/ast.js';
import { attribute, pluginSites, scalarText } from '../walk.js';
import { pipelinesFor } from './load-for-check.js';
import { logstashDeployments, type LogstashDeployment } from './logstash-deployments.js';

const id = 'logstash/es-credentials';
const reference = /^\$\{([A-Za-z_.][A-Za-z0-9_.]*)(?::([^}]*))?\}$/;

/**
 * Elasticsearch 8 has security on by default, and so has every managed service (audit 1.2):
 * each elasticsearch output needs credentials (user + password, or api_key) taken from
 * Logstash's keystore or the environment (`${VAR}`, never a literal), and must not turn
 * certificate verification off. Each deploy file must then hand Logstash the secret variables
 * the outputs name: from a Secret in k8s, by substitution from the operator's environment in
 * compose.
 */
export function credentialProblems(configs: readonly PipelineConfig[], deployments: readonly LogstashDeployment[]): Problem[] {
  const problems: Problem[] = [];
  const secretVars = new Set<string>();
  for (const { plugin, kind, config } of pluginSites(configs)) {
    if (kind !== 'output' || plugin.name !== 'elasticsearch') continue;
    const at = { check: id, file: config.file, line: plugin.pos.line, column: plugin.pos.column };
    const text = (name: string) => scalarText(attribute(plugin, name)?.value);
    const secrets = text('api_key') !== undefined ? ['api_key'] : ['user', 'password'];
    for (const name of secrets) {
      const value = text(name);
      const ref = value === undefined ? undefined : reference.exec(value);
      if (value === undefined)
        problems.push(
          problem({
            ...at,
            message: `this elasticsearch output has no ${name}: a secured Elasticsearch answers 401 and the pipeline stalls`,
            hint: `add ${name} => "\${ELASTICSEARCH_${name.toUpperCase()}}" (from the keystore or the environment)`,
          }),
        );
      else if (!ref)
        problems.push(
          problem({
            ...at,
            line: attribute(plugin, name)!.pos.line,
            message: `${name} is written in the pipeline`,
            hint: `take it from the keystore or the environment: ${name} => "\${ELASTICSEARCH_${name.toUpperCase()}}"`,
          }),
        );
      else if (name !== 'user') secretVars.add(ref[1]!);
    }
    if (text('ssl_verification_mode') === 'none' || text('ssl_enabled') === 'false') {
      problems.push(
        problem({ ...at, message: 'this elasticsearch output does not verify certificates', hint: 'remove ssl_verification_mode => none / ssl_enabled => false (full verification is the default)' }),
      );
    }
  }
  for (const d of deployments) {
    for (const name of secretVars) {
      const env = d.env.get(name);
      const k8s = d.where.startsWith('k8s');
      if (!env)
        problems.push(
          problem({
            check: id,
            file: d.file,
            line: d.line,
            message: `${d.where} does not pass ${name}, which the elasticsearch outputs read`,
            hint: k8s ? `add it from a Secret (valueFrom.secretKeyRef), or add it to Logstash's keystore` : `add ${name}: \${${name}:-} to its environment (set it in the operator's .env)`,
          }),
        );
      else if (k8s && typeof env.value === 'string')
        problems.push(problem({ check: id, file: d.file, line: env.line, message: `${d.where} sets ${name} in clear`, hint: 'take it from a Secret: valueFrom.secretKeyRef' }));
      else if (!k8s && typeof env.value === 'string' && !/^\$\{[^}]+\}$/.test(env.value))
        problems.push(
          problem({ check: id, file: d.file, line: env.line, message: `${d.where} sets ${name} in clear`, hint: `write ${name}: \${${name}:-} and set it in the operator's environment or .env` }),
        );
    }
  }
  return problems;
}

export const logstashEsCredentialsCheck: Check<Workspace> = {
  id,
  description: 'the elasticsearch outputs authenticate with secrets from the keystore or environment, verify certificates, and compose and k8s pass those secrets',
  async run(ctx) {
    const pipelines = pipelinesFor(ctx, id);
    return pipelines
      ? credentialProblems(
          pipelines.flatMap((p) => p.configs),
          logstashDeployments(ctx.workspace),
        )
      : [];
  },
};
