import { Client } from '@elastic/elasticsearch';

export interface IndexedDoc {
  index: string;
  source: Record<string, unknown>;
}

const allIndices = 'logs-*,errors-*';

/**
 * The questions the pipeline tests ask Elasticsearch. Each search refreshes first, so what
 * Logstash has indexed is visible at once; callers poll with a deadline.
 */
export class LogSearch {
  private readonly client: Client;
  constructor(url: string) {
    this.client = new Client({ node: url });
  }

  /** Documents whose message holds the token `id` (ids are single tokens: letters and digits). */
  async byId(id: string, index = allIndices): Promise<IndexedDoc[]> {
    return this.search(index, { match_phrase: { message: id } });
  }

  /** Documents whose message has a token starting with `prefix` (a whole run of one test file). */
  async byPrefix(prefix: string, index = allIndices): Promise<IndexedDoc[]> {
    return this.search(index, { prefix: { message: prefix.toLowerCase() } });
  }

  /** Every document of the log indices (up to 10 000: a test run writes far fewer). */
  async everything(): Promise<IndexedDoc[]> {
    return this.search(allIndices, { match_all: {} }, 10_000);
  }

  async indexTemplate(name: string): Promise<unknown> {
    const response = await this.client.indices.getIndexTemplate({ name });
    return response.index_templates[0]?.index_template;
  }

  async fieldType(index: string, field: string): Promise<string | undefined> {
    const response = await this.client.indices.getFieldMapping({ index, fields: field });
    for (const entry of Object.values(response)) {
      const mapping = entry.mappings[field]?.mapping as Record<string, { type?: string }> | undefined;
      const type = mapping && Object.values(mapping)[0]?.type;
      if (type) return type;
    }
    return undefined;
  }

  private async search(index: string, query: Record<string, unknown>, size = 1000): Promise<IndexedDoc[]> {
    await this.client.indices.refresh({ index, ignore_unavailable: true, allow_no_indices: true });
    const response = await this.client.search({ index, query, size, ignore_unavailable: true, allow_no_indices: true });
    return response.hits.hits.map((h) => ({ index: h._index, source: (h._source ?? {}) as Record<string, unknown> }));
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
