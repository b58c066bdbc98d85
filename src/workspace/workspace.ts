import { type AlertmanagerConfig, alertmanagerConfigFile, readAlertmanagerConfig } from '../alertmanager/alertmanager-config.js';
import { SourceFiles } from '../sources/source-files.js';
import type { YamlFile } from '../sources/yaml-file.js';
import { alertingFiles, datasourceFiles, loadDashboards, loadProvisioning } from '../deploy/grafana-files.js';
import { loadK8sManifests } from '../deploy/k8s-manifests.js';
import { composeFile } from '../engines/image-pins.js';
import { type Pipeline, loadPipelines } from '../logstash/pipeline-files.js';
import { knownSeries, recordingRulesFile } from '../metrics-contract/known-series.js';
import { type ContractMetric, contractFile, parseMetricsContract } from '../metrics-contract/metrics-contract.js';
import { type PrometheusSettings, prometheusConfigFile, readPrometheusSettings } from '../prometheus-rules/prometheus-config.js';
import { readScenario, scenarioWhat } from '../prometheus-rules/load-scenario.js';
import { type RuleInventory, readRuleInventory } from '../prometheus-rules/rule-inventory.js';
import type { ScenarioFile } from '../prometheus-rules/scenario.js';
import { type ProducedLabels, producedLabels } from '../alertmanager/produced-labels.js';
import { loadRoutingScenarios } from '../alertmanager/load-routing-scenarios.js';
import type { RoutingScenario } from '../alertmanager/routing-scenario.js';
import { scenarioContext } from '../alertmanager/scenario-context.js';

/**
 * One tree of configs (the repository, a `check --root` copy, one side of a diff), each source
 * loaded and parsed once, on first use, and handed to whoever asks: every check of a `check`
 * run reads the same parse. A check takes its entries from here and never opens a file (as in
 * pint), which `src/workspace/checks-open-no-files.test.ts` enforces. A source that does not
 * parse throws its ConfigError (file:line) to each caller, the same one each time.
 */
export class Workspace extends SourceFiles {
  /** prometheus.yml: its rule files, evaluation and scrape intervals, scrape jobs. */
  prometheus(): PrometheusSettings {
    return this.memo('prometheus', () => readPrometheusSettings(this.prometheusFile()));
  }

  /** Every rule of the rule files prometheus.yml loads, with positions. */
  rules(): RuleInventory {
    return this.memo('rules', () => readRuleInventory(this.prometheus().ruleFiles.map((f) => this.yaml(f, 'a Prometheus rule file'))));
  }

  /** prometheus.yml as parsed YAML (positions kept). */
  prometheusFile(): YamlFile {
    return this.yaml(prometheusConfigFile, 'the Prometheus configuration');
  }

  /** Label values the alerts can carry (rule labels, external labels), each with where it comes from. */
  producedLabels(): ProducedLabels {
    return this.memo('produced-labels', () => producedLabels(this.rules(), this.prometheusFile()));
  }

  /** One rule-test scenario file (fixtures/rules/), schema-checked. */
  scenario(file: string): ScenarioFile {
    return this.memo(`scenario:${file}`, () => readScenario(this.yaml(file, scenarioWhat)));
  }

  /** monitoring/metrics-contract.yml as parsed YAML (positions kept). */
  contractFile(): YamlFile {
    return this.yaml(contractFile, 'the metrics contract');
  }

  /** The contract's entries, each checked for the fields the tests rely on. */
  contract(): ContractMetric[] {
    return this.memo('contract', () => parseMetricsContract(this.contractFile()));
  }

  /** The metric names a query may select: the contract's series and the recording rules. */
  knownSeries(): ReadonlySet<string> {
    return this.memo('known-series', () => knownSeries(this.contractFile(), this.yaml(recordingRulesFile, 'a Prometheus rule file')));
  }

  /** monitoring/alertmanager.yml: routes, receivers and inhibition rules with their lines. */
  alertmanager(): AlertmanagerConfig {
    return this.memo('alertmanager', () => readAlertmanagerConfig(this.alertmanagerFile()));
  }

  /** The routing scenarios of fixtures/routing/, each checked against this tree's alert rules and receivers. */
  routingScenarios(): RoutingScenario[] {
    return this.memo('routing-scenarios', () => loadRoutingScenarios(scenarioContext(this.rules(), this.alertmanager().receivers), undefined, this));
  }

  alertmanagerFile(): YamlFile {
    return this.yaml(alertmanagerConfigFile, 'the Alertmanager configuration');
  }

  /** The Logstash pipelines pipelines.yml declares, each config parsed. */
  pipelines(): Pipeline[] {
    return this.memo('pipelines', () => loadPipelines(undefined, this));
  }

  /** The compose file of the monitoring stack. */
  compose(): YamlFile {
    return this.yaml(composeFile);
  }

  /** The Grafana dashboards (strict JSON, kept with positions), in name order. */
  dashboards(): YamlFile[] {
    return this.memo('dashboards', () => loadDashboards(undefined, this));
  }

  /** Grafana's provisioning files: `datasources` or `alerting`. */
  grafanaProvisioning(kind: 'datasources' | 'alerting'): YamlFile[] {
    return this.memo(`provisioning:${kind}`, () => loadProvisioning(kind === 'datasources' ? datasourceFiles : alertingFiles, this));
  }

  /** Every manifest under k8s/, in name order. */
  manifests(): YamlFile[] {
    return this.memo('manifests', () => loadK8sManifests(undefined, this));
  }
}
