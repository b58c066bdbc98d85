/** What Logstash's monitoring API says about the pipeline's traffic, summed over its outputs. */
export interface PipelineTraffic {
  /** Events the inputs pushed into the queue since Logstash started. */
  in: number;
  /** Events that left the outputs (acknowledged by Elasticsearch or sent to the DLQ). */
  out: number;
  /** Bulk requests the elasticsearch outputs could not complete and will retry. */
  bulkFailures: number;
}

interface StatsBody {
  pipelines?: Record<string, { events?: { in?: number; out?: number }; plugins?: { outputs?: { name?: string; bulk_requests?: { failures?: number } }[] } }>;
}

/**
 * GET /_node/stats/pipelines/<id> on the mapped API port (9600). logstash-output-elasticsearch
 * 11.22.12 counts a bulk request that could not reach Elasticsearch under its `bulk_requests`
 * metric namespace, key `failures` (lib/logstash/outputs/elasticsearch.rb:322,
 * plugin_mixins/elasticsearch/common.rb:316-345), before retrying it.
 */
export async function pipelineTraffic(apiUrl: string, pipelineId: string): Promise<PipelineTraffic> {
  const response = await fetch(`${apiUrl}/_node/stats/pipelines/${pipelineId}`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`Logstash's stats API answered ${response.status}`);
  const pipeline = ((await response.json()) as StatsBody).pipelines?.[pipelineId];
  if (!pipeline) throw new Error(`Logstash's stats API has no pipeline ${pipelineId}`);
  const outputs = (pipeline.plugins?.outputs ?? []).filter((o) => o.name === 'elasticsearch');
  return {
    in: pipeline.events?.in ?? 0,
    out: pipeline.events?.out ?? 0,
    bulkFailures: outputs.reduce((sum, o) => sum + (o.bulk_requests?.failures ?? 0), 0),
  };
}
