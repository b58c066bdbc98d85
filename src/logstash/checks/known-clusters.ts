import type { DescribedClusterState } from '../../elasticsearch/templates/put-template-json.js';

const dataStreamTemplate = (patterns: string[], priority: number) => ({ index_patterns: patterns, priority, data_stream: {} });

/**
 * Clusters our pipeline may meet (audit 1.1, 2.7): the index template must be accepted on each
 * (a rejected PUT stops the pipeline on every start) and must not take over their data streams.
 * Template names, patterns and priorities as the shippers install them: Elasticsearch 8.17's
 * own `logs` (src/elasticsearch/templates/built-in-templates.ts), the apm-data and otel-data
 * plugins, and Fleet integrations (Kibana Fleet's DEFAULT_TEMPLATE_PRIORITY 200,
 * x-pack/plugins/fleet/server/services/epm/elasticsearch/template/template.ts), which name
 * each template after its data stream's type-dataset.
 */
export const knownClusters: { name: string; state: DescribedClusterState }[] = [
  { name: 'a fresh Elasticsearch 8.17', state: {} },
  {
    name: 'a cluster shared with APM and OpenTelemetry',
    state: {
      templates: {
        'logs-apm.app@template': dataStreamTemplate(['logs-apm.app.*-*'], 140),
        'logs-apm.error@template': dataStreamTemplate(['logs-apm.error-*'], 210),
        'logs-otel@template': dataStreamTemplate(['logs-*.otel-*'], 120),
      },
      dataStreams: ['logs-apm.app.timetable-default', 'logs-apm.error-default', 'logs-generic.otel-default'],
    },
  },
  {
    name: 'a cluster with Elastic Agent / Fleet integrations',
    state: {
      templates: {
        'logs-system.syslog': dataStreamTemplate(['logs-system.syslog-*'], 200),
        'logs-nginx.access': dataStreamTemplate(['logs-nginx.access-*'], 200),
        'logs-elastic_agent': dataStreamTemplate(['logs-elastic_agent-*'], 200),
      },
      dataStreams: ['logs-system.syslog-default', 'logs-nginx.access-default', 'logs-elastic_agent-default', 'logs-generic-default'],
    },
  },
];

/** Data streams other shippers create on first write: no template of ours may match them. */
export const othersDataStreams = [
  'logs-generic-default',
  'logs-apm.app.timetable-default',
  'logs-system.syslog-default',
  'logs-nginx.access-default',
  'logs-myapp.otel-default',
  'logs-2fa.audit-default',
  'errors-tracker-default',
];
