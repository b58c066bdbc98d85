import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LogInput } from '../../../log-stack/log-fixture-schema.js';
import type { Event } from '../event.js';
import type { RubyFilterHost } from '../filters/ruby-host.js';
import type { LogLine } from '../plugin-log.js';
import type { Peer } from '../inputs/input-api.js';
import { feedLines } from '../pipeline/feed.js';
import { LogstashPipeline } from '../pipeline/pipeline.js';
import type { StageObserver } from '../pipeline/filter-tree.js';
import type { LsTimestamp } from '../value.js';
import { EsCluster, type IndexResult } from '../../../elasticsearch/cluster.js';
import { PipelineLoadError } from '../engine-errors.js';
import { LogstashLog } from './logstash-log.js';

export const canonicalPipeline = 'monitoring/logstash/pipeline/logstash.conf';

/** One document as Elasticsearch would receive it. */
export interface EngineDocument {
  index: string;
  /** The JSON text the output sends. */
  json: string;
  /** The same, parsed (numbers as JavaScript numbers), for assertions in the fixtures' terms. */
  source: Record<string, unknown>;
  /** Set when the output would send the event to the dead letter queue instead. */
  deadLetter?: string;
  /** What Elasticsearch answers (src/elasticsearch: the template's mapping applied); a rejected document is lost. */
  elasticsearch?: IndexResult;
}

export interface EngineResult {
  /** One entry per event that left the filters, in input order. */
  events: { event: Event; documents: EngineDocument[]; stdout: string[] }[];
  /** What inputs lost or hold back. */
  incidents: string[];
  /** The lines Logstash would write to its log during this run (log4j2 levels applied), formatted. */
  log: string[];
  /** Every line, before levels (for tests of what each plugin logs). */
  allLog: LogLine[];
  /** Conditional clauses taken and outputs reached (file:line), for the coverage report. */
  coverage: { branches: string[]; outputs: string[] };
}

export interface EngineOptions {
  root: string;
  file?: string;
  ruby?: RubyFilterHost;
  variables?: Readonly<Record<string, string>>;
  now?: () => LsTimestamp;
  /** What the file input writes to [host][name] (the machine Logstash runs on). */
  hostName?: string;
}

/** The canonical pipeline (or another config) loaded once, fed line batches as the harness sends them. */
export class LogsEngine {
  private constructor(
    readonly pipeline: LogstashPipeline,
    private readonly logstashLog: LogstashLog,
    /** The Elasticsearch model the documents go to (per-index mappings grow across runs, as in a real cluster). */
    readonly cluster: EsCluster,
  ) {}

  static async start(options: EngineOptions): Promise<LogsEngine> {
    const file = options.file ?? canonicalPipeline;
    const text = readFileSync(join(options.root, file), 'utf8');
    const pipeline = await LogstashPipeline.load({ file, text, root: options.root, ruby: options.ruby, variables: options.variables, now: options.now, hostName: options.hostName });
    const cluster = new EsCluster();
    // Each elasticsearch output installs its template when it connects; a refused PUT stops the
    // pipeline (elasticsearch.rb:326-347, 662-669 at v11.22.12: audit 1.1).
    for (const output of pipeline.outputStages) {
      if (!output.template) continue;
      const put = cluster.putIndexTemplate(output.template.name, output.template.body);
      if (!put.ok)
        throw new PipelineLoadError(
          output.template.where,
          `Elasticsearch refuses the template ${output.template.name} (${put.status} ${put.error.type}: ${put.error.reason}): the output fails to bootstrap and the pipeline shuts down`,
        );
    }
    return new LogsEngine(pipeline, LogstashLog.fromRepo(options.root), cluster);
  }

  /** `peer`: the sender's address as the tcp and syslog inputs see it (default: the harness's, feed.ts). */
  async run(input: LogInput, lines: readonly string[], observe?: StageObserver, peer?: Peer): Promise<EngineResult> {
    const logStart = this.pipeline.log.length;
    this.pipeline.coverage.branches.clear();
    this.pipeline.coverage.outputs.clear();
    const fed = feedLines(this.pipeline, input, lines, peer);
    const processed = await this.pipeline.process(fed.events, observe);
    const events = processed.map(({ event, deliveries }) => ({
      event,
      documents: deliveries.flatMap((d) => (d.output === 'elasticsearch' ? [this.indexed(d.index, d.document, d.deadLetter)] : [])),
      stdout: deliveries.flatMap((d) => (d.output === 'stdout' ? [d.text] : [])),
    }));
    const allLog = this.pipeline.log.slice(logStart);
    const coverage = { branches: [...this.pipeline.coverage.branches], outputs: [...this.pipeline.coverage.outputs] };
    return { events, incidents: fed.incidents, log: this.logstashLog.written(allLog).map((l) => this.logstashLog.format(l)), allLog, coverage };
  }

  private indexed(index: string, json: string, deadLetter?: string): EngineDocument {
    const source = JSON.parse(json) as Record<string, unknown>;
    if (deadLetter) return { index, json, source, deadLetter };
    return { index, json, source, elasticsearch: this.cluster.index(index, json) };
  }

  close(): void {
    this.pipeline.close();
  }
}
