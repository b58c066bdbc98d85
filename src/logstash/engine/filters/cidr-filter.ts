import type { FilterDefinition, FilterPlugin } from '../filter-api.js';
import { rubySplit, rubyStrip } from '../mutate/ruby-string.js';
import { rubyToS } from '../ruby-inspect.js';
import { includes, parseIpAddr, type IpRange } from './ip-address.js';

/**
 * logstash-filter-cidr v3.1.3 (lib/logstash/filters/cidr.rb): every `address` (sprintf-ed) is
 * parsed with IPAddr.new, every `network` (sprintf-ed, split on ","); an invalid one is skipped
 * with a WARN that carries the whole event (`:event => event.to_hash`, cidr.rb:95-96,120-121:
 * the reason log4j2.properties quiets this logger). The first address inside a network
 * decorates the event (filter_matched); none: nothing happens.
 */
export const cidrFilter: FilterDefinition = {
  name: 'cidr',
  source: 'logstash-filter-cidr v3.1.3 lib/logstash/filters/cidr.rb',
  options: {
    address: { validate: 'array', default: [] },
    network: { validate: 'array', default: [] },
    network_path: { validate: 'path', unmodelled: 'networks read from a file (refreshed every refresh_interval) are not modelled; list them in `network`' },
    refresh_interval: { validate: 'number', default: 600n },
    separator: { validate: 'string', default: '\n' },
  },
  create(options): FilterPlugin {
    const addresses = options.array('address').map(rubyToS);
    const networks = options.array('network').map(rubyToS);
    return {
      filter(event, ctx) {
        const parse = (text: string, key: 'address' | 'network', logged: string): IpRange | undefined => {
          try {
            return parseIpAddr(text);
          } catch {
            ctx.logger.warn(key === 'address' ? 'Invalid IP address, skipping' : 'Invalid IP network, skipping', { [key]: logged, event: event.toHash() });
            return undefined;
          }
        };
        const found = addresses.map((a) => parse(event.sprintf(a), 'address', a)).filter((a): a is IpRange => a !== undefined);
        // cidr.rb:116-123: a network is stripped before parsing, but logged as split.
        const nets = networks
          .flatMap((n) => rubySplit(event.sprintf(n), ','))
          .map((n) => parse(rubyStrip(n), 'network', n))
          .filter((n): n is IpRange => n !== undefined);
        for (const a of found) {
          for (const n of nets) {
            if (includes(n, a)) {
              ctx.matched();
              return;
            }
          }
        }
      },
    };
  },
};
