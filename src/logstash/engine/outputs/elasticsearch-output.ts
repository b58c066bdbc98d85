import { dumpJrJackson } from '../json-dump.js';
import type { OptionSpecs, PluginOptions } from '../plugin-options.js';
import type { OutputStage } from './output-api.js';

/** Options about the connection, auth, TLS and the template: they change no document or index name. */
const connection = [
  'hosts',
  'user',
  'password',
  'api_key',
  'cloud_id',
  'cloud_auth',
  'path',
  'bulk_path',
  'parameters',
  'ssl',
  'ssl_enabled',
  'ssl_certificate_verification',
  'ssl_verification_mode',
  'cacert',
  'ssl_certificate_authorities',
  'truststore',
  'ssl_truststore_path',
  'ssl_truststore_type',
  'truststore_password',
  'ssl_truststore_password',
  'keystore',
  'ssl_keystore_path',
  'ssl_keystore_type',
  'keystore_password',
  'ssl_keystore_password',
  'ssl_supported_protocols',
  'ssl_certificate',
  'ssl_key',
  'ssl_cipher_suites',
  'sniffing',
  'sniffing_delay',
  'sniffing_path',
  'proxy',
  'timeout',
  'failure_type_logging_whitelist',
  'silence_errors_in_log',
  'pool_max',
  'pool_max_per_route',
  'healthcheck_path',
  'resurrect_delay',
  'validate_after_inactivity',
  'http_compression',
  'compression_level',
  'custom_headers',
  'retry_initial_interval',
  'retry_max_interval',
  'dlq_custom_codes',
  'manage_template',
  'template',
  'template_name',
  'template_api',
  'template_overwrite',
  'ecs_compatibility',
];
/** Options that change what is sent or where: not modelled beyond their defaults. */
const unmodelled = [
  'action',
  'document_id',
  'document_type',
  'routing',
  'pipeline',
  'parent',
  'join_field',
  'version',
  'version_type',
  'doc_as_upsert',
  'script',
  'script_lang',
  'script_type',
  'script_var_name',
  'scripted_upsert',
  'upsert',
  'retry_on_conflict',
  'ilm_rollover_alias',
  'ilm_pattern',
  'ilm_policy',
  'data_stream_type',
  'data_stream_dataset',
  'data_stream_namespace',
  'data_stream_sync_fields',
  'data_stream_auto_routing',
  'target',
];

/**
 * logstash-output-elasticsearch v11.22.12: which index each event goes to, and the JSON
 * document it sends. The index is `event.sprintf(index)` (elasticsearch.rb:363,594-602); an
 * index still holding `%{...}` sends the event to the dead letter queue instead
 * (dlq_on_failed_indexname_interpolation, default true). The document is
 * `LogStash::Json.dump(event.to_hash)` (http_client.rb:132-134): [@metadata] left out. Only plain
 * indices are modelled (data_stream => false, ilm_enabled => false, an explicit `index`);
 * connection, TLS and template options are accepted and recorded: they change no document.
 */
export const elasticsearchOutputOptions: OptionSpecs = {
  index: { validate: 'string' },
  data_stream: { validate: ['true', 'false', 'auto'], default: 'auto' },
  ilm_enabled: { validate: ['true', 'false', 'auto'], default: 'auto' },
  dlq_on_failed_indexname_interpolation: { validate: 'boolean', default: true },
  ...Object.fromEntries(connection.map((name) => [name, {}])),
  ...Object.fromEntries(unmodelled.map((name) => [name, { unmodelled: `${name} changes what the output sends; the engine models plain index requests only` }])),
};

export function elasticsearchOutput(options: PluginOptions, readFile: (path: string, where: string) => Buffer): OutputStage {
  if (options.get('data_stream') !== 'false') options.unmodelled('data_stream', 'write data_stream => "false": data streams (and "auto") are not modelled');
  if (options.get('ilm_enabled') !== 'false') options.unmodelled('ilm_enabled', 'write ilm_enabled => "false": ILM rollover aliases are not modelled');
  const index = options.string('index');
  if (index === undefined) options.unmodelled('index', 'the default index (ecs-logstash-%{+yyyy.MM.dd}) is not modelled: set index');
  const dlq = options.boolean('dlq_on_failed_indexname_interpolation');
  const id = options.string('id');
  return {
    name: 'elasticsearch',
    id,
    where: options.where,
    template: templateOf(options, readFile),
    receive(event) {
      const name = event.sprintf(index!);
      const document = dumpJrJackson(event.toHash());
      // elasticsearch.rb:596: /%{.*?}/ (Ruby: `.` stops at a newline).
      const unresolved = dlq && /%\{[^\n]*?\}/.test(name);
      return {
        output: 'elasticsearch',
        id,
        where: options.where,
        index: name,
        document,
        ...(unresolved ? { deadLetter: `Badly formatted index, after interpolation still contains placeholder: [${name}]` } : {}),
      };
    },
  };
}

/**
 * manage_template (template_manager.rb at v11.22.12): with ILM and data streams off, the
 * `template` file is PUT as it is under `template_name` (_index_template for template_api
 * composable). Other forms (the built-in template, legacy templates) are not modelled.
 */
function templateOf(options: PluginOptions, readFile: (path: string, where: string) => Buffer): OutputStage['template'] {
  if (options.get('manage_template') === false || options.get('manage_template') === 'false') return undefined;
  const path = options.string('template');
  if (path === undefined) options.unmodelled('manage_template', 'the built-in template (no `template` file) is not modelled; set template, or manage_template => false');
  if (options.get('template_api') !== 'composable') options.unmodelled('template_api', 'only template_api => "composable" is modelled');
  const name = options.string('template_name');
  if (name === undefined) options.unmodelled('template_name', 'the default template name is not modelled; set template_name');
  const body = JSON.parse(readFile(path!, options.whereOf('template')).toString('utf8')) as unknown;
  const overwrite = options.get('template_overwrite') === true || options.get('template_overwrite') === 'true';
  return { name: name!, body, overwrite, where: options.whereOf('template') };
}
