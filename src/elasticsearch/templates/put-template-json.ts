import { builtInTemplates } from './built-in-templates.js';
import { parseComposableTemplate } from './composable-template.js';
import { validateTemplatePut, type PutTemplateResult } from './validate-template-put.js';

/** A cluster state described as JSON: template bodies by name, data stream and component template names. */
export interface DescribedClusterState {
  readonly templates?: Readonly<Record<string, unknown>>;
  readonly dataStreams?: readonly string[];
  readonly componentTemplates?: readonly string[];
  /** Include Elasticsearch 8.17's own `logs` template (default true, as `stack.templates.enabled` defaults to true). */
  readonly builtIns?: boolean;
}

/**
 * What `PUT _index_template/<name>` with this body would answer on a cluster in this state: `{ok: true}`
 * or the 400 error Elasticsearch 8.17 returns (type and reason). For `check` rules and tests.
 */
export function validateTemplatePutJson(state: DescribedClusterState, name: string, body: unknown, create = false): PutTemplateResult {
  const templates = state.builtIns === false ? new Map() : builtInTemplates();
  for (const [n, b] of Object.entries(state.templates ?? {})) templates.set(n, parseComposableTemplate(b, `template ${n}`));
  return validateTemplatePut({ templates, dataStreams: state.dataStreams ?? [], componentTemplates: state.componentTemplates ?? [] }, name, parseComposableTemplate(body, `template ${name}`), create);
}
