import { MultilineCodec } from '../codecs/multiline-codec.js';
import { plainDecode } from '../codecs/plain-codec.js';
import { ecsCompatibilityOption } from '../common-options.js';
import type { Event } from '../event.js';
import { collectingLogger } from '../plugin-log.js';
import { rubyToS } from '../ruby-inspect.js';
import { BufferedTokenizer } from './buffered-tokenizer.js';
import { decorateInput, type InputDefinition, type InputStage } from './input-api.js';
import { multilineSettings } from './multiline-settings.js';
import { dirGlobMatches, fnmatch } from './ruby-glob.js';

/**
 * logstash-input-file v4.4.6 in tail mode (lib/logstash/inputs/file.rb, lib/filewatch/*): a file
 * is read when some `path` glob finds it (Dir.glob) and no `exclude` pattern matches its
 * basename (discoverer.rb:38-60); its bytes are cut into lines on `delimiter` (the unfinished
 * last line waits), each line goes to the codec (per file: IdentityMapCodec), and each event gets
 * [@metadata][path], [@metadata][host], then [host][name] and [log][file][path] unless present
 * (file.rb:376-384, attempt_set), then decorate. At the end of the stream, a multiline entry
 * still buffered is flushed only when the codec has auto_flush_interval; otherwise it waits.
 */
export const fileInput: InputDefinition = {
  name: 'file',
  source: 'logstash-input-file v4.4.6 lib/logstash/inputs/file.rb',
  options: {
    ...ecsCompatibilityOption,
    path: { validate: 'array', required: true },
    exclude: { validate: 'array' },
    stat_interval: {},
    discover_interval: { validate: 'number', default: 15n },
    sincedb_path: { validate: 'string' },
    sincedb_write_interval: {},
    start_position: { validate: ['beginning', 'end'], default: 'end' },
    delimiter: { validate: 'string', default: '\n' },
    ignore_older: { unmodelled: 'ignore_older skips files by age, which the engine does not model' },
    close_older: {},
    max_open_files: { validate: 'number' },
    mode: { validate: ['tail', 'read'], default: 'tail' },
    file_completed_action: { validate: ['delete', 'log', 'log_and_delete'], default: 'delete' },
    file_completed_log_path: { validate: 'string' },
    sincedb_clean_after: {},
    file_chunk_size: { validate: 'number', default: 32768n },
    file_chunk_count: { validate: 'number' },
    file_sort_by: { validate: ['last_modified', 'path'], default: 'last_modified' },
    file_sort_direction: { validate: ['asc', 'desc'], default: 'asc' },
    exit_after_read: { validate: 'boolean', default: false },
    check_archive_validity: { validate: 'boolean', default: false },
  },
  create(options, codec, env): InputStage {
    if (options.get('mode') !== 'tail') options.unmodelled('mode', 'read mode is not modelled (tail is)');
    const globs = options.array('path').map(rubyToS);
    for (const glob of globs) if (!glob.startsWith('/')) options.unmodelled('path', `File paths must be absolute, relative path specified: ${glob}`);
    const excludes = options.array('exclude').map(rubyToS);
    const ecs = (options.string('ecs_compatibility') ?? env.ecsCompatibility) !== 'disabled';
    const host = env.hostName ?? 'logstash';
    const where = options.where;
    const eventEnv = { now: env.now, log: env.log };
    const codecLogger = collectingLogger(`logstash.codecs.${codec.name}`, (l) => env.log(l), { pluginId: options.string('id'), where });
    const ready = codec.name === 'multiline' ? multilineSettings(codec.options, ecs) : Promise.resolve(undefined);
    if (codec.name !== 'multiline' && codec.name !== 'plain') options.unmodelled('codec', `the ${codec.name} codec on file is not modelled (multiline and plain are)`);
    let settings: Awaited<typeof ready>;
    const files = new Map<string, { lines: BufferedTokenizer; multiline?: MultilineCodec }>();
    const postProcess = (event: Event, path: string) => {
      event.set('[@metadata][path]', path);
      event.set('[@metadata][host]', host);
      for (const [field, value] of [
        [ecs ? '[host][name]' : 'host', host],
        [ecs ? '[log][file][path]' : 'path', path],
      ] as const) {
        try {
          if (!event.includes(field)) event.set(field, value);
        } catch {
          // attempt_set rescues (and logs at trace level)
        }
      }
      decorateInput(event, options);
      return event;
    };
    return {
      name: 'file',
      id: options.string('id'),
      where,
      ready: ready.then((s) => {
        settings = s;
      }),
      appendToFile(path, bytes) {
        const found = globs.some((g) => dirGlobMatches(g, path));
        const excluded = excludes.find((p) => fnmatch(p, path.slice(path.lastIndexOf('/') + 1)));
        if (!found || excluded) {
          return { events: [], notRead: !found ? `${path} matches none of the path globs ${JSON.stringify(globs)} (${where})` : `${path} is excluded by "${excluded}" (${where})` };
        }
        let file = files.get(path);
        if (!file) {
          file = { lines: new BufferedTokenizer(options.string('delimiter') ?? '\n'), multiline: settings ? new MultilineCodec(settings, eventEnv, codecLogger) : undefined };
          files.set(path, file);
        }
        const events: Event[] = [];
        for (const line of file.lines.extract(bytes.toString('latin1'))) {
          const data = Buffer.from(line, 'latin1');
          const decoded = file.multiline ? file.multiline.decode(data) : [plainDecode(data, eventEnv, codecLogger, ecs)];
          for (const event of decoded) events.push(postProcess(event, path));
        }
        return { events };
      },
      finish() {
        const events: Event[] = [];
        const pending: string[] = [];
        for (const [path, file] of files) {
          if (!file.multiline?.pending) continue;
          if (settings?.autoFlush) events.push(...file.multiline.flush().map((e) => postProcess(e, path)));
          else pending.push(`${path}: the last multiline entry waits for a next line (the multiline codec has no auto_flush_interval)`);
        }
        return { events, pending };
      },
    };
  },
};
