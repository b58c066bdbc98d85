import { ImageMissingError } from '../engines/engine.js';
import { sessionId } from '../engines/harness-labels.js';
import { ensureImage } from '../engines/image-availability.js';
import { imageFor } from '../engines/image-pins.js';
import type { StackDefinition } from '../stacks/stack.js';
import { elasticsearchSpec } from './elasticsearch-spec.js';
import { logstashSpec } from './logstash-spec.js';
import type { SessionContainerRef } from './session-container.js';

export interface ElkStackInfo {
  logstash: { host: string; tcpPort: number; syslogTcpPort: number; syslogUdpPort: number; apiUrl: string };
  /** To find the Logstash container from a test worker (exec, logs): our session label and its image. */
  logstashContainer: SessionContainerRef;
  /**
   * The same for Elasticsearch. Its URL is not kept here: the outage test takes it off the
   * network and back, and Docker then publishes it on another port (elasticsearchUrlNow()).
   */
  elasticsearchContainer: SessionContainerRef;
}

/**
 * Elasticsearch and Logstash (the official images pinned in the compose file) running the
 * canonical pipeline. Both images are looked for first, so a machine without them gets one
 * reason naming both.
 */
export const elkStack: StackDefinition<ElkStackInfo> = {
  key: 'elk',
  async start({ network }) {
    const choices = [imageFor('elasticsearch'), imageFor('logstash')];
    const missing = (await Promise.all(choices.map(ensureImage))).filter((m): m is string => m !== undefined);
    if (missing.length > 0) throw new ImageMissingError('elasticsearch + logstash', choices.map((c) => c.image).join(', '), missing.join(' '));

    const esName = 'pipeline-elasticsearch';
    const elasticsearch = await network.start(elasticsearchSpec(esName));
    const logstash = await network.start(logstashSpec({ name: 'pipeline-logstash', elasticsearchUrl: `http://${esName}:9200` }));
    const host = new URL(logstash.url(9600)).hostname;
    return {
      info: {
        logstash: { host, tcpPort: logstash.port(5000), syslogTcpPort: logstash.port('5140/tcp'), syslogUdpPort: logstash.port('5140/udp'), apiUrl: logstash.url(9600) },
        logstashContainer: { sessionId, image: logstash.image },
        elasticsearchContainer: { sessionId, image: elasticsearch.image },
      },
      // The engine network stops both containers.
      stop: async () => undefined,
    };
  },
};
