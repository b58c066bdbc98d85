import { JsonLinesCodec } from '../codecs/json-lines-codec.js';
import { ecsCompatibilityOption } from '../common-options.js';
import type { Event } from '../event.js';
import { collectingLogger } from '../plugin-log.js';
import { BufferFullError } from './buffered-tokenizer.js';
import { decorateInput, type InputDefinition, type InputConnection } from './input-api.js';

const unmodelledSsl = 'TLS is not modelled (it changes no event, only [@metadata][input][tcp][tls])';

/**
 * logstash-input-tcp v6.4.6 in server mode (lib/logstash/inputs/tcp.rb, InputLoop.java): one
 * codec per connection (DecoderImpl#copy); each read goes to codec.decode; each event gets the
 * peer in [@metadata][input][tcp][source][name|ip|port] (ECS) unless already set (tcp.rb:307-313)
 * and is then decorated (add_field sees them: audit 3.3). An exception from decode (the
 * json_lines size limit) reaches Netty, which logs it and closes the connection
 * (InputLoop.java:200-213): the rest of the stream is lost. On close the codec is flushed.
 */
export const tcpInput: InputDefinition = {
  name: 'tcp',
  source: 'logstash-input-tcp v6.4.6 lib/logstash/inputs/tcp.rb',
  options: {
    ...ecsCompatibilityOption,
    host: { validate: 'string', default: '0.0.0.0' },
    port: { validate: 'number', required: true },
    mode: { validate: ['server', 'client'], default: 'server' },
    proxy_protocol: { validate: 'boolean', default: false },
    ssl_enable: { validate: 'boolean', default: false, unmodelled: unmodelledSsl },
    ssl_enabled: { validate: 'boolean', default: false },
    ssl_client_authentication: { unmodelled: unmodelledSsl },
    ssl_verify: { unmodelled: unmodelledSsl },
    ssl_verification_mode: { unmodelled: unmodelledSsl },
    ssl_cert: { unmodelled: unmodelledSsl },
    ssl_certificate: { unmodelled: unmodelledSsl },
    ssl_key: { unmodelled: unmodelledSsl },
    ssl_key_passphrase: { unmodelled: unmodelledSsl },
    ssl_extra_chain_certs: { unmodelled: unmodelledSsl },
    ssl_certificate_authorities: { unmodelled: unmodelledSsl },
    ssl_supported_protocols: { unmodelled: unmodelledSsl },
    ssl_cipher_suites: { unmodelled: unmodelledSsl },
    tcp_keep_alive: { validate: 'boolean', default: false },
    dns_reverse_lookup_enabled: { validate: 'boolean', default: true },
  },
  create(options, codec, env) {
    if (options.get('mode') !== 'server') options.unmodelled('mode', 'client mode is not modelled');
    if (options.boolean('proxy_protocol')) options.unmodelled('proxy_protocol', 'the PROXY protocol header is not modelled');
    if (options.boolean('ssl_enabled')) options.unmodelled('ssl_enabled', unmodelledSsl);
    // inputs/base.rb fix_streaming_codecs: json becomes json_lines, plain becomes line.
    if (codec.name !== 'json_lines') options.unmodelled('codec', `the ${codec.name} codec on tcp is not modelled (json_lines is)`);
    const ecs = (options.string('ecs_compatibility') ?? env.ecsCompatibility) !== 'disabled';
    const fields = ecs
      ? { name: '[@metadata][input][tcp][source][name]', ip: '[@metadata][input][tcp][source][ip]', port: '[@metadata][input][tcp][source][port]' }
      : { name: 'host', ip: '[@metadata][ip_address]', port: 'port' };
    const codecLogger = collectingLogger('logstash.codecs.jsonlines', (line) => env.log(line), { pluginId: options.string('id'), where: options.where });
    const eventEnv = { now: env.now, log: env.log };
    return {
      name: 'tcp',
      id: options.string('id'),
      where: options.where,
      connect(peer): InputConnection {
        const jsonLines = new JsonLinesCodec(eventEnv, codecLogger, {
          delimiter: codec.options.string('delimiter') ?? '\n',
          sizeLimit: Number(codec.options.number('decode_size_limit_bytes') ?? 512 * 1024 * 1024),
        });
        const name = options.boolean('dns_reverse_lookup_enabled') ? peer.name : peer.ip;
        const enqueue = (events: Event[]) => {
          for (const event of events) {
            if (!event.get(fields.name)) event.set(fields.name, name);
            if (!event.get(fields.ip)) event.set(fields.ip, peer.ip);
            if (!event.get(fields.port)) event.set(fields.port, BigInt(peer.port));
            decorateInput(event, options);
          }
          return events;
        };
        let closedBecause: string | undefined;
        return {
          get closedBecause() {
            return closedBecause;
          },
          receive(bytes) {
            if (closedBecause) return [];
            try {
              return enqueue(jsonLines.decode(bytes.toString('latin1')));
            } catch (error) {
              if (!(error instanceof BufferFullError)) throw error;
              closedBecause = `${error.name}: ${error.message}`;
              env.log({
                level: 'error',
                logger: 'org.logstash.tcp.InputLoop',
                message: `/${peer.ip}:${peer.port}: closing due: ${closedBecause}`,
                pluginId: options.string('id'),
                where: options.where,
              });
              return enqueue(jsonLines.flush());
            }
          },
          end() {
            return closedBecause ? [] : enqueue(jsonLines.flush());
          },
        };
      },
    };
  },
};
