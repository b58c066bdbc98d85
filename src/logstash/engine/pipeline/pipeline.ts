import type { PipelineConfig, PluginNode, Statement } from '../../parser/ast.js';
import { parseConfig } from '../../parser/parse-config.js';
import { oniguruma } from '../../ruby-regex.js';
import { commonFilterOptions, commonInputOptions, commonOutputOptions } from '../common-options.js';
import { compileCondition } from '../condition-compile.js';
import { PipelineLoadError, WorkerCrash, whereOf } from '../engine-errors.js';
import type { Event } from '../event.js';
import { UnmodelledError } from '../filter-api.js';
import { createFilterStage, type FilterStage, type StageEnvironment } from '../filter-stage.js';
import type { RubyFilterHost } from '../filters/ruby-host.js';
import { fileInput } from '../inputs/file-input.js';
import type { InputDefinition, InputStage } from '../inputs/input-api.js';
import { syslogInput } from '../inputs/syslog-input.js';
import { tcpInput } from '../inputs/tcp-input.js';
import type { Delivery, OutputStage } from '../outputs/output-api.js';
import { elasticsearchOutput, elasticsearchOutputOptions } from '../outputs/elasticsearch-output.js';
import { stdoutOutput } from '../outputs/stdout-output.js';
import { configInit } from '../plugin-config.js';
import type { LogLine } from '../plugin-log.js';
import { LsTimestamp } from '../value.js';
import { codecOf } from './codecs.js';
import { compileFilterTree, runFilterTree, type FilterNode, type StageObserver } from './filter-tree.js';
import { compileOutputTree, routeEvent, type OutputNode } from './output-tree.js';
import { filterRegistry } from './registry.js';
import { repoFileReader } from './repo-files.js';

export interface PipelineSettings {
  /** The config's path as reports name it, and its text. */
  file: string;
  text: string;
  /** Where container paths (scripts, templates) are read from: the repository root. */
  root: string;
  /** `${VAR}` values (Logstash reads the environment); defaults apply to the rest. */
  variables?: Readonly<Record<string, string>>;
  /** pipeline.ecs_compatibility (monitoring/logstash/config/logstash.yml: v8). */
  ecsCompatibility?: 'disabled' | 'v1' | 'v8';
  ruby?: RubyFilterHost;
  now?: () => LsTimestamp;
  hostName?: string;
}

export interface Processed {
  event: Event;
  deliveries: Delivery[];
}

const inputs: Record<string, InputDefinition> = { tcp: tcpInput, syslog: syslogInput, file: fileInput };
const defaultCodecs: Record<string, string> = { tcp: 'line', syslog: 'plain', file: 'plain', stdout: 'rubydebug', elasticsearch: 'plain' };

/** monitoring/logstash/pipeline/logstash.conf (or any config) loaded as Logstash 8.17.4 would run it. */
export class LogstashPipeline {
  /** Conditional clauses (file:line of if / else if / else) that events took, and outputs reached, since the last reset. */
  readonly coverage = { branches: new Set<string>(), outputs: new Set<string>() };

  private constructor(
    /** Every line Logstash would write to its own log, before log4j2 levels apply. */
    readonly log: LogLine[],
    readonly config: PipelineConfig,
    readonly inputs: readonly InputStage[],
    private readonly filters: readonly FilterNode[],
    private readonly outputs: readonly OutputNode[],
    private readonly stages: readonly FilterStage[],
    readonly env: StageEnvironment,
  ) {}

  static async load(settings: PipelineSettings): Promise<LogstashPipeline> {
    const config = parseConfig(settings.file, settings.text);
    const log: LogLine[] = [];
    const env: StageEnvironment = {
      ecsCompatibility: settings.ecsCompatibility ?? 'v8',
      variables: settings.variables ?? {},
      readFile: repoFileReader(settings.root),
      log: (line) => log.push(line),
      now: settings.now ?? (() => LsTimestamp.ofEpochMilli(Date.now())),
      ruby: settings.ruby,
      hostName: settings.hostName,
    };
    const onig = await oniguruma();
    const condition = (c: Parameters<typeof compileCondition>[0]) => compileCondition(c, settings.file, settings.text, onig);
    const body = (kind: string) => config.sections.filter((s) => s.kind === kind).flatMap((s) => s.body);
    const inputStages = pluginsOf(body('input')).map((node) => createInput(settings, node, env));
    await Promise.all(inputStages.map((i) => i.ready));
    // Outputs before filters: a config error in an output is found without registering the filters.
    const outputs = compileOutputTree(body('output'), (node) => createOutput(settings, node, env), condition, settings.file);
    // Logstash initializes every plugin (config_init) before registering any: config errors of
    // a later filter show even when an earlier one could not register.
    for (const node of pluginsOf(body('filter'))) {
      const definition = filterRegistry.get(node.name);
      if (!definition)
        throw new UnmodelledError(`the ${node.name} filter is not modelled by the engine (modelled: ${[...filterRegistry.keys()].join(', ')})`, undefined, whereOf(settings.file, node.pos));
      configInit({ file: settings.file, text: settings.text, node, kind: 'filter' }, { ...commonFilterOptions, ...definition.options }, env.variables);
    }
    const stages: FilterStage[] = [];
    const filters = await compileFilterTree(
      body('filter'),
      async (node) => {
        const definition = filterRegistry.get(node.name);
        if (!definition)
          throw new UnmodelledError(`the ${node.name} filter is not modelled by the engine (modelled: ${[...filterRegistry.keys()].join(', ')})`, undefined, whereOf(settings.file, node.pos));
        const stage = await createFilterStage(definition, { file: settings.file, text: settings.text, node, kind: 'filter' }, env);
        stages.push(stage);
        return stage;
      },
      condition,
      settings.file,
    );
    return new LogstashPipeline(log, config, inputStages, filters, outputs, stages, env);
  }

  /** Every output stage, in config order (for the templates they install). */
  get outputStages(): OutputStage[] {
    const all: OutputStage[] = [];
    const visit = (nodes: readonly OutputNode[]) => nodes.forEach((n) => (n.kind === 'output' ? all.push(n.output) : n.clauses.forEach((c) => visit(c.body))));
    visit(this.outputs);
    return all;
  }

  /** The input plugin of that name (tcp, syslog, file); an error when the config has none or several. */
  input(name: string): InputStage {
    const found = this.inputs.filter((i) => i.name === name);
    if (found.length !== 1)
      throw new PipelineLoadError(
        this.config.file,
        found.length === 0 ? `the pipeline has no ${name} input` : `the pipeline has ${found.length} ${name} inputs (${found.map((f) => f.where).join(', ')}): say which`,
      );
    return found[0]!;
  }

  /** Filters a batch, then routes every event that is left to the outputs. */
  async process(events: Event[], observe?: StageObserver): Promise<Processed[]> {
    const taken = (where: string) => this.coverage.branches.add(where);
    const filtered = (await runFilterTree(this.filters, events, observe, taken)).filter((e) => !e.cancelled);
    filtered.sort((a, b) => a.seq - b.seq);
    return filtered.map((event) => ({ event, deliveries: this.route(event) }));
  }

  private route(event: Event): Delivery[] {
    try {
      const deliveries = routeEvent(this.outputs, event, (where) => this.coverage.branches.add(where));
      for (const d of deliveries) this.coverage.outputs.add(d.where);
      return deliveries;
    } catch (error) {
      if (error instanceof WorkerCrash || error instanceof UnmodelledError) throw error;
      throw new WorkerCrash(this.config.file, `an output raised ${(error as Error).message}`, error);
    }
  }

  close(): void {
    for (const stage of this.stages) stage.close?.();
  }
}

function pluginsOf(body: readonly Statement[]): PluginNode[] {
  return body.flatMap((s) => (s.type === 'plugin' ? [s] : s.clauses.flatMap((c) => pluginsOf(c.body))));
}

function createInput(settings: PipelineSettings, node: PluginNode, env: StageEnvironment): InputStage {
  const definition = inputs[node.name];
  if (!definition) throw new UnmodelledError(`the ${node.name} input is not modelled by the engine (modelled: ${Object.keys(inputs).join(', ')})`, undefined, whereOf(settings.file, node.pos));
  const codec = codecOf(settings.file, settings.text, node, defaultCodecs[node.name]!, env.variables);
  const options = configInit({ file: settings.file, text: settings.text, node, kind: 'input' }, { ...commonInputOptions, ...definition.options }, env.variables);
  return definition.create(options, codec, env);
}

function createOutput(settings: PipelineSettings, node: PluginNode, env: StageEnvironment): OutputStage {
  const source = { file: settings.file, text: settings.text, node, kind: 'output' as const };
  if (node.name === 'elasticsearch') return elasticsearchOutput(configInit(source, { ...commonOutputOptions, ...elasticsearchOutputOptions }, env.variables), env.readFile);
  if (node.name === 'stdout') {
    const codec = codecOf(settings.file, settings.text, node, 'rubydebug', env.variables);
    return stdoutOutput(configInit(source, commonOutputOptions, env.variables), codec);
  }
  throw new UnmodelledError(`the ${node.name} output is not modelled by the engine (modelled: elasticsearch, stdout)`, undefined, whereOf(settings.file, node.pos));
}
