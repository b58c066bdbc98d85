import { whereOf } from '../../logstash/engine/engine-errors.js';
import type { PipelineConfig, Statement } from '../../logstash/parser/ast.js';
import type { CoverageFacts } from './coverage-facts.js';
import type { CoverageItem } from './coverage-sections.js';

/**
 * What the pipeline section counts: every clause of every conditional (if, else if, else) in
 * the filter and output sections, and every output plugin, read from the parsed configs. Keys
 * are the engine's own (src/logstash/engine/pipeline/filter-tree.ts and output-tree.ts: a
 * clause is `file:line`, an output `file:line:col`), so a taken clause and an inventoried one
 * are the same string.
 */
export interface PipelineCoverageItem {
  kind: 'clause' | 'output';
  name: string;
  where: string;
}

export function pipelineCoverageItems(configs: readonly PipelineConfig[]): PipelineCoverageItem[] {
  const items: PipelineCoverageItem[] = [];
  for (const config of configs) {
    const visit = (statements: readonly Statement[], section: 'filter' | 'output') => {
      for (const s of statements) {
        if (s.type === 'plugin') {
          if (section === 'output') items.push({ kind: 'output', name: `output ${s.name}${idOf(s)}`, where: whereOf(config.file, s.pos) });
          continue;
        }
        for (const clause of s.clauses) {
          const text = clause.condition ? ` ${short(clause.condition.text)}` : '';
          items.push({ kind: 'clause', name: `${section}: ${clause.kind}${text}`, where: `${config.file}:${clause.pos.line}` });
          visit(clause.body, section);
        }
      }
    };
    for (const section of config.sections) if (section.kind !== 'input') visit(section.body, section.kind);
  }
  return items;
}

/**
 * The items as the report lists them: a clause covered when some passing test took it, an
 * output when some event reached it. Every clause and output is in the denominator, so a
 * clause no case takes shows as not covered (no longer only the branches the tests took).
 */
export function pipelineCoverage(configs: readonly PipelineConfig[], facts: readonly CoverageFacts[]): CoverageItem[] {
  const taken = new Set(facts.flatMap((f) => f.pipelineBranches ?? []));
  const reached = new Set(facts.flatMap((f) => f.pipelineOutputs ?? []));
  return pipelineCoverageItems(configs).map((i) => ({ name: i.name, where: i.where, covered: (i.kind === 'clause' ? taken : reached).has(i.where) }));
}

function idOf(plugin: Extract<Statement, { type: 'plugin' }>): string {
  const id = plugin.attributes.find((a) => a.name === 'id')?.value;
  return id && id.kind === 'string' ? ` "${id.value}"` : '';
}

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 70 ? `${one.slice(0, 67)}...` : one;
}
