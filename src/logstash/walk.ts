import type { Attribute, Condition, PipelineConfig, PluginNode, SectionKind, Statement, Value } from './parser/ast.js';

/** Conditions that must hold for a statement to run: the branch conditions around it. */
export interface Guard {
  condition?: Condition;
  /** Conditions of earlier clauses of the same branch, which must all be false. */
  notAny: Condition[];
}

export interface PluginSite {
  plugin: PluginNode;
  kind: SectionKind | 'codec';
  config: PipelineConfig;
  guards: Guard[];
}

/** Every plugin of some configs, in order, with the branch conditions around it; codecs too. */
export function pluginSites(configs: readonly PipelineConfig[]): PluginSite[] {
  const sites: PluginSite[] = [];
  const visit = (config: PipelineConfig, kind: SectionKind, body: readonly Statement[], guards: Guard[]) => {
    for (const statement of body) {
      if (statement.type === 'plugin') {
        sites.push({ plugin: statement, kind, config, guards });
        for (const codec of codecsOf(statement)) sites.push({ plugin: codec, kind: 'codec', config, guards });
        continue;
      }
      const earlier: Condition[] = [];
      for (const clause of statement.clauses) {
        visit(config, kind, clause.body, [...guards, { condition: clause.condition, notAny: [...earlier] }]);
        if (clause.condition) earlier.push(clause.condition);
      }
    }
  };
  for (const config of configs) for (const section of config.sections) visit(config, section.kind, section.body, []);
  return sites;
}

function codecsOf(plugin: PluginNode): PluginNode[] {
  return plugin.attributes.filter((a) => a.name === 'codec' && a.value.kind === 'plugin').map((a) => (a.value as Extract<Value, { kind: 'plugin' }>).plugin);
}

export function attribute(plugin: PluginNode, name: string): Attribute | undefined {
  return plugin.attributes.find((a) => a.name === name);
}

/** The text of a string or bareword value (also a number, as written). */
export function scalarText(value: Value | undefined): string | undefined {
  if (!value) return undefined;
  if (value.kind === 'string' || value.kind === 'bareword') return value.value;
  if (value.kind === 'number') return value.raw;
  return undefined;
}

/** Every string of a value: itself, or the items of an array. */
export function stringsOf(value: Value | undefined): { text: string; value: Value }[] {
  if (!value) return [];
  if (value.kind === 'array') return value.items.flatMap((item) => stringsOf(item));
  const text = scalarText(value);
  return text === undefined ? [] : [{ text, value }];
}

/** `${VAR:default}` → default (or the variable's name when there is none), else the text. */
export function withEnvDefaults(text: string): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?\}/g, (_, name: string, fallback?: string) => fallback ?? `\${${name}}`);
}

/** How a guard path reads: `if A`, `not B`, joined by `and`. */
export function describeGuards(guards: readonly Guard[]): string {
  const parts: string[] = [];
  for (const g of guards) {
    for (const earlier of g.notAny) parts.push(`not (${earlier.text})`);
    if (g.condition) parts.push(g.condition.operands.length > 1 ? `(${g.condition.text})` : g.condition.text);
  }
  return parts.length ? parts.join(' and ') : 'always';
}
