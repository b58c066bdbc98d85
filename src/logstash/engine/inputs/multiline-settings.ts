import { oniguruma } from '../../ruby-regex.js';
import type { MultilineSettings } from '../codecs/multiline-codec.js';
import { Grok } from '../grok/grok.js';
import { corePatterns } from '../grok/pattern-files.js';
import type { OptionSpecs, PluginOptions } from '../plugin-options.js';

/** logstash-codec-multiline v3.1.2 options (multiline.rb:107-136). */
export const multilineOptions: OptionSpecs = {
  ecs_compatibility: { validate: ['disabled', 'v1', 'v8'] },
  pattern: { validate: 'string', required: true },
  what: { validate: ['previous', 'next'], required: true },
  negate: { validate: 'boolean', default: false },
  patterns_dir: { validate: 'array', default: [] },
  charset: { validate: 'string', default: 'UTF-8' },
  multiline_tag: { validate: 'string', default: 'multiline' },
  max_lines: { validate: 'number', default: 500n },
  max_bytes: { validate: 'bytes', default: 10_485_760n },
  auto_flush_interval: { validate: 'number' },
};

/**
 * The codec's register (multiline.rb:145-175): the pattern compiled by jls-grok over
 * patterns-core's legacy set (LogStash::Patterns::Core.path's default), named_captures_only
 * off. A pattern without %{...} needs no core pattern.
 */
export async function multilineSettings(options: PluginOptions, ecs: boolean): Promise<MultilineSettings & { autoFlush: boolean }> {
  if (options.array('patterns_dir').length > 0) options.unmodelled('patterns_dir', 'pattern files are not loaded by the engine');
  if ((options.string('charset') ?? 'UTF-8') !== 'UTF-8') options.unmodelled('charset', 'only UTF-8 is modelled');
  const pattern = options.string('pattern')!;
  const definitions = pattern.includes('%{') ? corePatterns('legacy') : new Map<string, string>();
  const grok = Grok.compile(await oniguruma(), pattern, definitions, false);
  return {
    grok,
    what: options.string('what') as 'previous' | 'next',
    negate: options.boolean('negate'),
    multilineTag: options.string('multiline_tag') ?? 'multiline',
    maxLines: Number(options.number('max_lines')),
    maxBytes: Number(options.number('max_bytes')),
    ecs: (options.string('ecs_compatibility') ?? (ecs ? 'v8' : 'disabled')) !== 'disabled',
    autoFlush: options.number('auto_flush_interval') !== undefined,
  };
}
