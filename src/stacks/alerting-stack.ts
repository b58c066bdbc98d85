import { testAlertmanagerConfig } from '../alertmanager/test-alertmanager-config.js';
import { routingTimeFactor } from '../alertmanager/time-compression.js';
import { alertmanagerSpec } from './alertmanager-spec.js';
import type { RunningEngine } from '../engines/engine.js';
import type { SourceFiles } from '../sources/source-files.js';
import type { SharedServices, StackDefinition } from './stack.js';

export interface AlertingStackInfo {
  alertmanagerUrl: string;
  captureUrl: string;
  /** Capture-server paths this Alertmanager delivers to (its own, so stacks never mix). */
  slackPath: string;
  pagerdutyPath: string;
  webhookPath: string;
  /** The content of the PagerDuty routing key file it was given. */
  routingKey: string;
  /** Routing timers run this many times faster than monitoring/alertmanager.yml says. */
  timeFactor: number;
  /** The --web.external-url it was started with: links in messages point there. */
  externalUrl: string;
}

/**
 * Alertmanager with the canonical monitoring/alertmanager.yml and its templates. The only
 * changes are the ones test-alertmanager-config.ts lists and explains: secret files holding the
 * capture server's URL and a test key, PagerDuty's URL pointed at the capture server, and routing
 * timers divided by routingTimeFactor. Routing tests share it; each isolates itself with a
 * unique `cluster` label value.
 */
export const alertingStack: StackDefinition<AlertingStackInfo> = alertingStackWith('alerting', '/alerting');

/**
 * The same, plus one template file that breaks at render time (it calls a template that does
 * not exist), as a production template could after a careless edit. amtool check-config passes
 * it; the routing tests prove the harness still notices, through
 * alertmanager_notifications_failed_total and the absent delivery.
 */
export const brokenTemplateAlertingStack: StackDefinition<AlertingStackInfo> = alertingStackWith('alerting-broken-template', '/alerting-broken-template', {
  extraTemplates: {
    // Sorted after the repo's files, so this definition replaces the canonical Slack title.
    'zz-broken-for-test.tmpl': '{{ define "timetable.slack.title" }}{{ template "timetable.no_such_template" . }}{{ end }}\n',
  },
});

/**
 * An Alertmanager with the canonical config as test-alertmanager-config.ts prepares it, under
 * stack `key`, delivering under `pathPrefix` on the capture server. Its engine name (the host
 * name Prometheus servers send to) is `options.name`, by default `<key>-alertmanager`. Other
 * stacks (the end-to-end one) build theirs with it too.
 */
export function alertingStackWith(key: string, pathPrefix: string, options: AlertingOptions = {}): StackDefinition<AlertingStackInfo> {
  return {
    key,
    async start(shared) {
      const { info } = await startAlertmanager(shared, key, pathPrefix, options);
      // The network stops its engines; nothing else was started here.
      return { info, stop: async () => undefined };
    },
  };
}

export interface AlertingOptions {
  extraTemplates?: Record<string, string>;
  timeFactor?: number;
  name?: string;
  storageInMemory?: boolean;
  /** The tree whose alertmanager.yml and templates it runs (reproduce's `--root`); default: the repository. */
  sources?: SourceFiles;
}

/** Starts one such Alertmanager; the engine comes back too, for tests that restart it. */
export async function startAlertmanager(
  { network, capture, captureFromEngines }: SharedServices,
  key: string,
  pathPrefix: string,
  options: AlertingOptions = {},
): Promise<{ info: AlertingStackInfo; engine: RunningEngine }> {
  const timeFactor = options.timeFactor ?? routingTimeFactor;
  const name = options.name ?? `${key}-alertmanager`;
  const prepared = testAlertmanagerConfig({ captureFromEngines, pathPrefix, timeFactor, extraTemplates: options.extraTemplates, sources: options.sources });
  const engine = await network.start(alertmanagerSpec({ name, config: prepared.config, files: prepared.files, storageInMemory: options.storageInMemory }));
  return {
    engine,
    info: {
      alertmanagerUrl: engine.url(9093),
      captureUrl: capture.url,
      slackPath: prepared.slackPath,
      pagerdutyPath: prepared.pagerdutyPath,
      webhookPath: prepared.webhookPath,
      routingKey: prepared.routingKey,
      timeFactor,
      // alertmanagerSpec sets --web.external-url from the name, so no host name leaks into links.
      externalUrl: `http://${name}:9093`,
    },
  };
}
