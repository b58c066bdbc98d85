import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import type { PipelineConfig, PluginNode, Statement } from '../parser/ast.js';
import { attribute, pluginSites, scalarText } from '../walk.js';
import { pipelinesFor } from './load-for-check.js';

const id = 'logstash/redaction-before-output';

/** A redaction filter is one whose id starts with "redact" (the pipeline's own convention). */
export function isRedaction(plugin: PluginNode): boolean {
  return /^redact/.test(scalarText(attribute(plugin, 'id')?.value) ?? '');
}

/** What may have happened on the paths that reach a point of the filter chain. */
interface PathState {
  /** Some path got here without passing a redaction filter. */
  mayBeUnredacted: boolean;
  /** Some path got here after a redaction filter. */
  mayBeRedacted: boolean;
}

/**
 * Filters run in order on every event, then every output sees it. So: every path through the
 * filter sections (each if/else clause, and the implicit empty else) must pass a redaction
 * filter, and nothing may run after one (a later filter could put a secret back, e.g. by
 * copying a field or parsing [event][original] again).
 */
export function redactionProblems(configs: readonly PipelineConfig[]): Problem[] {
  const problems: Problem[] = [];
  const redactions: { plugin: PluginNode; file: string }[] = [];
  const visit = (body: readonly Statement[], state: PathState, file: string): PathState => {
    for (const s of body) {
      if (s.type === 'plugin') {
        if (isRedaction(s)) {
          redactions.push({ plugin: s, file });
          state = { mayBeUnredacted: false, mayBeRedacted: true };
        } else if (state.mayBeRedacted) {
          problems.push(
            problem({
              check: id,
              file,
              line: s.pos.line,
              column: s.pos.column,
              message: `the ${s.name} filter runs after the redaction filter on some path`,
              hint: 'move it before the redaction (it could put a secret back), or make it part of the redaction',
            }),
          );
        }
        continue;
      }
      const outcomes = s.clauses.map((clause) => visit(clause.body, state, file));
      if (s.clauses.at(-1)!.kind !== 'else') outcomes.push(state);
      state = { mayBeUnredacted: outcomes.some((o) => o.mayBeUnredacted), mayBeRedacted: outcomes.some((o) => o.mayBeRedacted) };
    }
    return state;
  };
  let state: PathState = { mayBeUnredacted: true, mayBeRedacted: false };
  for (const config of configs) for (const section of config.sections) if (section.kind === 'filter') state = visit(section.body, state, config.file);

  if (!state.mayBeUnredacted) return problems;
  const conditional = pluginSites(configs).filter((site) => site.kind === 'filter' && isRedaction(site.plugin) && site.guards.length > 0);
  for (const site of pluginSites(configs).filter((s) => s.kind === 'output')) {
    const why =
      redactions.length === 0
        ? 'the pipeline has no redaction filter'
        : `the redaction at ${conditional.map((c) => `${c.config.file}:${c.plugin.pos.line}`).join(', ') || 'its place'} runs only on some paths`;
    problems.push(
      problem({
        check: id,
        file: site.config.file,
        line: site.plugin.pos.line,
        column: site.plugin.pos.column,
        message: `events can reach the ${site.plugin.name} output without redaction: ${why}`,
        hint: 'end the filter section with the redaction filter (id => "redact_...") outside any if, so every event passes it',
      }),
    );
  }
  return problems;
}

export const logstashRedactionCheck: Check<Workspace> = {
  id,
  description: 'every path to a Logstash output passes the redaction filter, and no filter runs after it',
  async run(ctx) {
    const pipelines = pipelinesFor(ctx, id);
    return pipelines ? pipelines.flatMap((p) => redactionProblems(p.configs)) : [];
  },
};
