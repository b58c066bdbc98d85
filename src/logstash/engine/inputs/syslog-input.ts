import { plainDecode } from '../codecs/plain-codec.js';
import { commonFilterOptions, ecsCompatibilityOption } from '../common-options.js';
import { dateFilter } from '../date/date-filter.js';
import type { Event } from '../event.js';
import type { FilterDefinition, FilterPlugin } from '../filter-api.js';
import { grokFilter } from '../grok/grok-filter.js';
import { optionsFromValues } from '../plugin-config.js';
import { collectingLogger } from '../plugin-log.js';
import { rubyToS } from '../ruby-inspect.js';
import { decorateInput, type InputDefinition, type InputStage, type Peer } from './input-api.js';
import { syslogRelay } from './syslog-relay.js';

/**
 * logstash-input-syslog v3.7.0 (lib/logstash/inputs/syslog.rb; Logstash 8.17.4 bundles 3.7.1,
 * whose source is not available: audit "Method"). UDP: each datagram is one `decode`; TCP:
 * tcp_read_lines yields each line WITH its "\n" (syslog.rb:230: `buffer.slice!(0..newline)`), and
 * what follows the last newline when the client closes is never decoded. Each piece goes through
 * the codec (plain: the text as it is, in [message] and [event][original]), then decorate,
 * [host][ip] = the peer address, then syslog_relay (./syslog-relay.ts).
 */
export const syslogInput: InputDefinition = {
  name: 'syslog',
  source: 'logstash-input-syslog v3.7.0 lib/logstash/inputs/syslog.rb',
  options: {
    ...ecsCompatibilityOption,
    host: { validate: 'string', default: '0.0.0.0' },
    port: { validate: 'number', default: 514n },
    syslog_field: { validate: 'string', default: 'message' },
    grok_pattern: { validate: 'string' },
    proxy_protocol: { validate: 'boolean', default: false },
    use_labels: { validate: 'boolean', default: true },
    facility_labels: {
      validate: 'array',
      default: [
        'kernel',
        'user-level',
        'mail',
        'system',
        'security/authorization',
        'syslogd',
        'line printer',
        'network news',
        'UUCP',
        'clock',
        'security/authorization',
        'FTP',
        'NTP',
        'log audit',
        'log alert',
        'clock',
        'local0',
        'local1',
        'local2',
        'local3',
        'local4',
        'local5',
        'local6',
        'local7',
      ],
    },
    severity_labels: { validate: 'array', default: ['Emergency', 'Alert', 'Critical', 'Error', 'Warning', 'Notice', 'Informational', 'Debug'] },
    timezone: { validate: 'string' },
    locale: { validate: 'string' },
    service_type: { validate: 'string', default: 'system' },
  },
  create(options, codec, env): InputStage {
    if (options.boolean('proxy_protocol')) options.unmodelled('proxy_protocol', 'the PROXY protocol header is not modelled');
    if (codec.name !== 'plain') options.unmodelled('codec', `the ${codec.name} codec on syslog is not modelled (plain is)`);
    const ecs = (options.string('ecs_compatibility') ?? env.ecsCompatibility) !== 'disabled';
    const where = options.where;
    const field = options.string('syslog_field')!;
    const keys = ecs
      ? {
          priority: '[log][syslog][priority]',
          facility: '[log][syslog][facility][code]',
          severity: '[log][syslog][severity][code]',
          facilityLabel: '[log][syslog][facility][name]',
          severityLabel: '[log][syslog][severity][name]',
          host: '[host][ip]',
        }
      : { priority: 'priority', facility: 'facility', severity: 'severity', facilityLabel: 'facility_label', severityLabel: 'severity_label', host: 'host' };
    const pattern = options.string('grok_pattern') ?? (ecs ? `<%{POSINT:${keys.priority}:int}>%{SYSLOGLINE}` : `<%{POSINT:${keys.priority}}>%{SYSLOGLINE}`);
    // syslog.rb:111-140: its own grok and date filters, built in Ruby with these options.
    const internal = (def: FilterDefinition, values: Record<string, unknown>) =>
      Promise.resolve(def.create(optionsFromValues(def.name, where, { ...commonFilterOptions, ...def.options }, values as never), env));
    const ready = Promise.all([
      internal(grokFilter, { overwrite: field, match: { [field]: pattern }, tag_on_failure: ['_grokparsefailure_sysloginput'], ecs_compatibility: ecs ? 'v8' : 'disabled' }),
      internal(dateFilter, { match: ['timestamp', 'MMM dd HH:mm:ss', 'MMM  d HH:mm:ss', 'MMM d HH:mm:ss', 'ISO8601'], locale: options.string('locale'), timezone: options.string('timezone') }),
    ]);
    let filters: [FilterPlugin, FilterPlugin] | undefined;
    const codecLogger = collectingLogger('logstash.codecs.plain', (l) => env.log(l), { pluginId: options.string('id'), where });
    const inputLogger = collectingLogger('logstash.inputs.syslog', (l) => env.log(l), { pluginId: options.string('id'), where });
    const decode = (bytes: Buffer, peer: Peer): Event[] => {
      if (!filters) throw new Error('the syslog input is used before it registered (await pipeline.ready)');
      try {
        const event = plainDecode(bytes, { now: env.now, log: env.log }, codecLogger, ecs);
        decorateInput(event, options);
        event.set(keys.host, peer.ip);
        syslogRelay(
          event,
          {
            ...keys,
            field,
            ecs,
            serviceType: options.string('service_type'),
            useLabels: options.boolean('use_labels'),
            facilityLabels: options.array('facility_labels').map(rubyToS),
            severityLabels: options.array('severity_labels').map(rubyToS),
          },
          filters,
          env,
        );
        return [event];
      } catch (error) {
        if (error instanceof Error && (error.name === 'UnmodelledError' || error.name === 'WorkerCrash')) throw error;
        // syslog.rb:269-271: logged with the raw data, the event is lost.
        inputLogger.error('Error decoding data', { data: bytes.toString('utf8'), exception: { ruby: (error as Error).name }, message: (error as Error).message });
        return [];
      }
    };
    return {
      name: 'syslog',
      id: options.string('id'),
      where,
      ready: ready.then((f) => {
        filters = f;
      }),
      datagram: decode,
      connect(peer) {
        inputLogger.info('new connection', { client: `${peer.ip}:${peer.port}` });
        let buffer = Buffer.alloc(0);
        return {
          receive(bytes) {
            buffer = Buffer.concat([buffer, bytes]);
            const out: Event[] = [];
            for (let newline = buffer.indexOf(0x0a); newline !== -1; newline = buffer.indexOf(0x0a)) {
              out.push(...decode(buffer.subarray(0, newline + 1), peer));
              buffer = buffer.subarray(newline + 1);
            }
            return out;
          },
          end() {
            // EOFError ends tcp_read_lines: a last line without "\n" is never decoded.
            buffer = Buffer.alloc(0);
            inputLogger.info('connection closed', { client: `${peer.ip}:${peer.port}` });
            return [];
          },
        };
      },
    };
  },
};
