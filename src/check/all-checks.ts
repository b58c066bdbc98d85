import { alertmanagerAmtoolCheck } from '../alertmanager/checks/amtool-check-config.js';
import { alertmanagerEnvPlaceholderCheck } from '../alertmanager/checks/env-placeholder-check.js';
import { alertmanagerInhibitAlertNamesCheck } from '../alertmanager/checks/inhibit-alert-names-check.js';
import { alertmanagerInhibitEqualIdentityCheck } from '../alertmanager/checks/inhibit-equal-identity-check.js';
import { alertmanagerRouteLabelValuesCheck } from '../alertmanager/checks/route-label-values-check.js';
import { alertmanagerUnusedReceiverCheck } from '../alertmanager/checks/unused-receiver-check.js';
import { appMetricsContractCheck } from '../metrics-contract/app-metrics-check.js';
import { composePathsCheck } from '../deploy/compose-paths-check.js';
import { composePolicyCheck } from '../deploy/compose-policy-check.js';
import { composeSchemaCheck } from '../deploy/compose-schema-check.js';
import { configMapDriftCheck } from '../deploy/configmap-drift-check.js';
import { dashboardQueriesCheck } from '../deploy/dashboard-queries-check.js';
import { dashboardsCheck } from '../deploy/dashboards-check.js';
import { docPinsCheck } from '../deploy/doc-pins-check.js';
import { readmeDependenciesCheck } from '../deploy/readme-dependencies-check.js';
import { imagePinsAgreeCheck } from '../deploy/image-pins-agree-check.js';
import { k8sSchemaCheck } from '../deploy/k8s-schema-check.js';
import { portsAgreeCheck } from '../deploy/ports-agree-check.js';
import { secretFilesCheck } from '../deploy/secret-files-check.js';
import { securityLintCheck } from '../deploy/security-lint-check.js';
import { workflowSchemaCheck } from '../deploy/workflow-schema-check.js';
import { logstashGrokPatternsCheck } from '../logstash/checks/grok-patterns-check.js';
import { logstashIndexRoutingCheck } from '../logstash/checks/index-routing-check.js';
import { logstashIndexTemplateCheck } from '../logstash/checks/index-template-check.js';
import { logstashPluginOptionsCheck } from '../logstash/checks/plugin-options-check.js';
import { logstashPortsCheck } from '../logstash/checks/ports-check.js';
import { logstashRedactionCheck } from '../logstash/checks/redaction-check.js';
import { logstashReferencedFilesCheck } from '../logstash/checks/referenced-files-check.js';
import { logstashSyntaxCheck } from '../logstash/checks/syntax-check.js';
import { logstashTemplateClashCheck } from '../logstash/checks/template-clash-check.js';
import { logstashHeapFitsCheck } from '../logstash/checks/heap-fits-check.js';
import { logstashHealthProbeCheck } from '../logstash/checks/health-probe-check.js';
import { logstashRawEventsOnDiskCheck } from '../logstash/checks/queue-check.js';
import { logstashEsCredentialsCheck } from '../logstash/checks/es-credentials-check.js';
import { logstashInputMarkerCheck } from '../logstash/checks/input-marker-check.js';
import { logstashGeoipDatabaseCheck } from '../logstash/checks/geoip-database-check.js';
import { promtoolConfigCheck } from '../prometheus-rules/checks/promtool-config-check.js';
import { promtoolRulesCheck } from '../prometheus-rules/checks/promtool-rules-check.js';
import { quantileBucketsCheck } from '../prometheus-rules/checks/quantile-buckets-check.js';
import { recordingUnusedCheck } from '../prometheus-rules/checks/recording-unused-check.js';
import { requiredFieldsCheck } from '../prometheus-rules/checks/required-fields-check.js';
import { runbookCheck } from '../prometheus-rules/checks/runbook-check.js';
import { testCoverageCheck } from '../prometheus-rules/checks/test-coverage-check.js';
import { thresholdsCheck } from '../prometheus-rules/checks/thresholds-check.js';
import { unknownMetricCheck } from '../prometheus-rules/checks/unknown-metric-check.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Check } from './check.js';
import { configSyntaxCheck } from './config/config-syntax-check.js';
import { alertmanagerTemplateReferencesCheck } from '../alertmanager/checks/template-references-check.js';
import { incidentsCheck } from '../e2e/incidents/incidents-check.js';

/**
 * Every check `npm run check` runs. Each lives in its own file under src/check/ or beside
 * the concept it checks; add new ones here.
 */
export const allChecks: readonly Check<Workspace>[] = [
  promtoolConfigCheck,
  promtoolRulesCheck,
  requiredFieldsCheck,
  runbookCheck,
  thresholdsCheck,
  unknownMetricCheck,
  quantileBucketsCheck,
  recordingUnusedCheck,
  testCoverageCheck,
  alertmanagerAmtoolCheck,
  alertmanagerEnvPlaceholderCheck,
  alertmanagerUnusedReceiverCheck,
  alertmanagerRouteLabelValuesCheck,
  alertmanagerInhibitAlertNamesCheck,
  alertmanagerInhibitEqualIdentityCheck,
  configSyntaxCheck,
  appMetricsContractCheck,
  configMapDriftCheck,
  imagePinsAgreeCheck,
  docPinsCheck,
  readmeDependenciesCheck,
  portsAgreeCheck,
  k8sSchemaCheck,
  composeSchemaCheck,
  workflowSchemaCheck,
  composePolicyCheck,
  composePathsCheck,
  dashboardsCheck,
  dashboardQueriesCheck,
  securityLintCheck,
  secretFilesCheck,
  logstashSyntaxCheck,
  logstashPluginOptionsCheck,
  logstashRedactionCheck,
  logstashIndexRoutingCheck,
  logstashIndexTemplateCheck,
  logstashTemplateClashCheck,
  logstashHeapFitsCheck,
  logstashHealthProbeCheck,
  logstashRawEventsOnDiskCheck,
  logstashEsCredentialsCheck,
  logstashInputMarkerCheck,
  logstashGeoipDatabaseCheck,
  logstashReferencedFilesCheck,
  logstashPortsCheck,
  logstashGrokPatternsCheck,
  alertmanagerTemplateReferencesCheck,
  incidentsCheck,
];
