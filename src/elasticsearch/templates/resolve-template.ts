import { priorityOrZero, type ComposableTemplate } from './composable-template.js';
import { simpleMatch } from './index-pattern.js';

/**
 * MetadataIndexTemplateService#findV2Template / #findV2CandidateTemplates (8.x): the templates
 * with a pattern matching the name, stably sorted by priority, highest first; the first one wins
 * (legacy templates are consulted only when no composable template matches; none are modelled).
 */
export function findV2Template(templates: ReadonlyMap<string, ComposableTemplate>, indexName: string): string | undefined {
  const candidates = [...templates].filter(([, t]) => t.indexPatterns.some((p) => simpleMatch(p, indexName)));
  candidates.sort(([, a], [, b]) => priorityOrZero(b) - priorityOrZero(a));
  return candidates[0]?.[0];
}
