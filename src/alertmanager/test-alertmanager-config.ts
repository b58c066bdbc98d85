import { randomBytes } from 'node:crypto';
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { ConfigError } from '../sources/config-error.js';
import { repoRoot } from '../sources/repo-files.js';
import { SourceFiles } from '../sources/source-files.js';
import { alertmanagerConfigFile } from './alertmanager-config.js';
import { alertmanagerMounts, templateFilesOf } from './mount-paths.js';
import { compressRouteTimers } from './time-compression.js';

export interface TestAlertmanagerConfig {
  /** alertmanager.yml for the test engine. */
  config: string;
  /** Files by path relative to /etc/alertmanager/: the secret files and the repo's templates. */
  files: Record<string, string>;
  /** Where Slack and PagerDuty deliveries land on the capture server. */
  slackPath: string;
  pagerdutyPath: string;
  /** Where webhook deliveries (the heartbeat receiver) land. */
  webhookPath: string;
  /** What the PagerDuty routing key file holds, so tests can see it was read. */
  routingKey: string;
}

export interface TestConfigOptions {
  /** The capture server's base URL as the engine sees it. */
  captureFromEngines: string;
  /** Path prefix of this engine's deliveries on the shared capture server, e.g. `/alerting`. */
  pathPrefix: string;
  /** Divide routing timers by this (1 keeps production timing). */
  timeFactor: number;
  /** Extra template files (name → content), added after the repo's. */
  extraTemplates?: Record<string, string>;
  file?: string;
  /** The tree alertmanager.yml and its templates are read from (reproduce's `--root`); default: the repository. */
  sources?: SourceFiles;
}

/** Integrations the harness can point at the capture server. Anything else could reach a real service. */
const redirectable = new Set(['name', 'slack_configs', 'pagerduty_configs', 'webhook_configs']);

/**
 * The canonical alertmanager.yml, made safe and fast to run in a test:
 * - the secret files it names (api_url_file, routing_key_file) are written with the capture
 *   server's URL and a test key: that is how production gets its secrets, so the config itself
 *   keeps them untouched;
 * - a webhook's url_file gets the capture server's webhook URL the same way;
 * - global.pagerduty_url (and any pagerduty_configs url) points at the capture server: PagerDuty's
 *   endpoint is a plain URL in the config, not a secret file, so it is the one key rewritten;
 * - routing timers are divided by `timeFactor` (see time-compression.ts).
 * A receiver using any other integration, or an inline URL/key, is refused: the test would send
 * real traffic, or the canonical config would not be what runs.
 */
export function testAlertmanagerConfig(options: TestConfigOptions): TestAlertmanagerConfig {
  const file = options.file ?? alertmanagerConfigFile;
  const sources = options.sources ?? new SourceFiles(repoRoot);
  const doc = parseDocument(sources.text(file, 'the Alertmanager configuration'));
  const slackPath = `${options.pathPrefix}/slack/webhook`;
  const pagerdutyPath = `${options.pathPrefix}/pagerduty/v2/enqueue`;
  const webhookPath = `${options.pathPrefix}/webhook`;
  const routingKey = `test-routing-key-${randomBytes(4).toString('hex')}`;
  const files: Record<string, string> = {};
  const secretFile = (path: unknown, content: string, key: string) => {
    const target = String(path);
    if (!target.startsWith(`${alertmanagerMounts.secrets.container}/`)) {
      throw new ConfigError(file, `${key} ${target} is outside ${alertmanagerMounts.secrets.container}/, where the deployment mounts secrets`, `use ${alertmanagerMounts.secrets.container}/<name>`);
    }
    files[target.slice('/etc/alertmanager/'.length)] = `${content}\n`;
  };

  const global = doc.get('global');
  if (isMap(global)) {
    if (global.has('slack_api_url')) throw refuse(file, 'global.slack_api_url is inline', 'use global.slack_api_url_file');
    if (global.has('slack_api_url_file')) secretFile(global.get('slack_api_url_file'), `${options.captureFromEngines}${slackPath}`, 'global.slack_api_url_file');
  }
  doc.setIn(['global', 'pagerduty_url'], `${options.captureFromEngines}${pagerdutyPath}`);

  const receivers = doc.get('receivers');
  for (const receiver of isSeq(receivers) ? receivers.items : []) {
    if (!isMap(receiver)) continue;
    const name = String(receiver.get('name'));
    for (const pair of receiver.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!redirectable.has(key))
        throw refuse(
          file,
          `receiver ${name} uses ${key}`,
          'the routing harness can only redirect slack_configs, pagerduty_configs and webhook_configs; teach src/alertmanager/test-alertmanager-config.ts the new integration',
        );
    }
    for (const slack of configsOf(receiver, 'slack_configs')) {
      if (slack.has('api_url')) throw refuse(file, `receiver ${name} has an inline slack api_url`, 'use api_url_file');
      if (slack.has('api_url_file')) secretFile(slack.get('api_url_file'), `${options.captureFromEngines}${slackPath}`, `receiver ${name} api_url_file`);
    }
    for (const pd of configsOf(receiver, 'pagerduty_configs')) {
      if (pd.has('routing_key') || pd.has('service_key')) throw refuse(file, `receiver ${name} has an inline PagerDuty key`, 'use routing_key_file');
      if (!pd.has('routing_key_file')) throw refuse(file, `receiver ${name} has no routing_key_file`, 'use Events API v2 with routing_key_file');
      secretFile(pd.get('routing_key_file'), routingKey, `receiver ${name} routing_key_file`);
      if (pd.has('url')) pd.set('url', `${options.captureFromEngines}${pagerdutyPath}`);
    }
    for (const hook of configsOf(receiver, 'webhook_configs')) {
      if (hook.has('url')) throw refuse(file, `receiver ${name} has an inline webhook url`, 'use url_file: the heartbeat URL carries its token');
      if (!hook.has('url_file')) throw refuse(file, `receiver ${name} has no url_file`, 'use url_file under /etc/alertmanager/secrets/');
      secretFile(hook.get('url_file'), `${options.captureFromEngines}${webhookPath}`, `receiver ${name} url_file`);
    }
  }

  const templates = doc.get('templates');
  for (const glob of isSeq(templates) ? templates.items : []) {
    for (const template of templateFilesOf(String(isScalar(glob) ? glob.value : glob), file, undefined, sources)) {
      files[template.container.slice('/etc/alertmanager/'.length)] = sources.text(template.repo, 'an Alertmanager template');
    }
  }
  for (const [name, content] of Object.entries(options.extraTemplates ?? {})) {
    files[`${alertmanagerMounts.templates.container.slice('/etc/alertmanager/'.length)}/${name}`] = content;
  }

  if (options.timeFactor !== 1) compressRouteTimers(doc, options.timeFactor);
  return { config: doc.toString(), files, slackPath, pagerdutyPath, webhookPath, routingKey };
}

function configsOf(receiver: YAMLMap, key: string): YAMLMap[] {
  const list = receiver.get(key);
  return isSeq(list) ? list.items.filter(isMap) : [];
}

function refuse(file: string, what: string, hint: string): ConfigError {
  return new ConfigError(file, `cannot run this config against the capture server: ${what}`, hint);
}
