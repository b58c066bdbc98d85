/**
 * The variables a local run of the pipeline has, as docker-compose.yml gives them to Logstash.
 *
 * The elasticsearch outputs read ELASTICSEARCH_PASSWORD with no default (audit 1.2: Logstash
 * must refuse to start without credentials in production). Compose runs its Elasticsearch
 * without security and passes an empty password; engine runs in tests and `npm run logs` do
 * the same, so they load exactly the canonical pipeline.
 */
export const localRunVariables: Readonly<Record<string, string>> = Object.freeze({ ELASTICSEARCH_PASSWORD: '' });
