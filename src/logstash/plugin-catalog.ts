import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { YamlFile } from '../sources/yaml-file.js';
import type { SectionKind } from './parser/ast.js';

export type PluginKind = SectionKind | 'codec';

export interface OptionSpec {
  type: string;
  required?: boolean;
  values?: string[];
}

export interface PluginSpec {
  /** Which document, at which version, the options were read from. */
  source: string;
  options: Record<string, OptionSpec>;
}

const here = dirname(fileURLToPath(import.meta.url));
const files: Record<PluginKind, string> = { input: 'inputs.yaml', filter: 'filters.yaml', output: 'outputs.yaml', codec: 'codecs.yaml' };

export interface PluginCatalog {
  plugins(kind: PluginKind): Record<string, PluginSpec>;
  /** The plugin's own options plus the common ones of its kind; undefined for an unknown plugin. */
  options(kind: PluginKind, name: string): Record<string, OptionSpec> | undefined;
}

let cached: PluginCatalog | undefined;

/**
 * The plugins our pipeline may use, with the options their documentation lists
 * (src/logstash/plugin-options/*.yaml, each citing its source and version).
 */
export function pluginCatalog(): PluginCatalog {
  if (cached) return cached;
  const load = (name: string) => YamlFile.load(join(here, 'plugin-options', name), 'a plugin option list').data as Record<string, unknown>;
  const common = load('common.yaml') as Record<PluginKind, Record<string, OptionSpec>>;
  const byKind = Object.fromEntries(Object.entries(files).map(([kind, file]) => [kind, load(file) as Record<string, PluginSpec>])) as Record<PluginKind, Record<string, PluginSpec>>;
  cached = {
    plugins: (kind) => byKind[kind],
    options: (kind, name) => {
      const spec = byKind[kind][name];
      return spec ? { ...common[kind], ...spec.options } : undefined;
    },
  };
  return cached;
}
