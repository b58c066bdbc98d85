import { esError, EsFailure, illegalArgument, type EsError } from '../es-failure.js';
import { javaHashSetToString } from '../java/java-hash-order.js';
import { parseIndexSettings } from '../mapping/index-settings.js';
import { checkMappingLimits } from '../mapping/mapping-limits.js';
import { parseRootMapping } from '../mapping/parse-mappings.js';
import { UnmodelledError } from '../unmodelled-error.js';
import { javaList, priorityOrZero, type ComposableTemplate } from './composable-template.js';
import { anyOverlap } from './index-pattern.js';
import { findV2Template } from './resolve-template.js';

/** The part of the cluster state a template PUT is validated against. */
export interface TemplateClusterState {
  readonly templates: ReadonlyMap<string, ComposableTemplate>;
  /** Names of existing (non-system) data streams. */
  readonly dataStreams: readonly string[];
  /** Names of existing component templates. */
  readonly componentTemplates?: readonly string[];
}

export type PutTemplateResult = { readonly ok: true; readonly changed: boolean } | { readonly ok: false; readonly status: 400; readonly error: EsError };

/**
 * `PUT _index_template/<name>` as MetadataIndexTemplateService validates it in 8.x
 * (server/.../cluster/metadata/MetadataIndexTemplateService.java: validateV2TemplateRequest,
 * addIndexTemplateV2, v2TemplateOverlaps, validateIndexTemplateV2,
 * validateDataStreamsStillReferenced), in that order:
 *  1. component templates named in composed_of must exist;
 *  2. with `create`, the name must be new ("index template [..] already exists");
 *  3. no other template whose patterns overlap may have the same priority;
 *  4. an identical template already stored is accepted as is (no further validation);
 *  5. no existing data stream may stop matching a data stream template;
 *  6. the settings and mappings must make a valid index (limits included).
 * Names and patterns with characters `validate` would refuse are not modelled.
 */
export function validateTemplatePut(state: TemplateClusterState, name: string, template: ComposableTemplate, create = false): PutTemplateResult {
  try {
    refuseUnmodelledNames(name, template);
    const missing = template.composedOf.filter((c) => !(state.componentTemplates ?? []).includes(c));
    if (missing.length > 0) {
      // InvalidIndexTemplateException: "index_template [name] invalid, cause [msg]" (message layout not read at 8.17.4)
      fail(
        esError(
          'invalid_index_template_exception',
          `index_template [${name}] invalid, cause [index template [${name}] specifies component templates ${javaList(missing)} that do not exist]`,
          undefined,
          true,
        ),
      );
    }
    const existing = state.templates.get(name);
    if (create && existing) fail(illegalArgument(`index template [${name}] already exists`));
    const overlaps = [...state.templates]
      .filter(([other, t]) => other !== name && priorityOrZero(t) === priorityOrZero(template) && anyOverlap(template.indexPatterns, t.indexPatterns))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)); // a TreeMap of names
    if (overlaps.length > 0) {
      fail(
        illegalArgument(
          `index template [${name}] has index patterns ${javaList(template.indexPatterns)} matching patterns from existing templates [${overlaps.map(([n]) => n).join(',')}] ` +
            `with patterns (${overlaps.map(([n, t]) => `${n} => ${javaList(t.indexPatterns)}`).join(',')}) that have the same priority [${priorityOrZero(template)}], ` +
            'multiple index templates may not match during index creation, please use a different priority',
        ),
      );
    }
    if (existing && existing.canonical === template.canonical) return { ok: true, changed: false };
    checkDataStreamsStillReferenced(state, name, template);
    checkCompositeTemplate(name, template);
    return { ok: true, changed: true };
  } catch (e) {
    if (e instanceof EsFailure) return { ok: false, status: 400, error: e.error };
    throw e;
  }
}

function fail(error: EsError): never {
  throw new EsFailure(error);
}

function checkDataStreamsStillReferenced(state: TemplateClusterState, name: string, template: ComposableTemplate): void {
  const unreferenced = (templates: ReadonlyMap<string, ComposableTemplate>) =>
    state.dataStreams.filter((ds) => {
      const winner = findV2Template(templates, ds);
      return winner === undefined || !templates.get(winner)!.dataStream;
    });
  const before = unreferenced(state.templates);
  const after = unreferenced(new Map([...state.templates, [name, template]]));
  if (after.length > before.length) {
    fail(
      illegalArgument(
        `composable template [${name}] with index patterns ${javaList(template.indexPatterns)}, priority [${template.priority}] ` +
          `${template.dataStream ? '' : 'and no data stream configuration '}would cause data streams ${javaHashSetToString(after)} to no longer match a data stream template`,
      ),
    );
  }
}

/** validateCompositeTemplate: the template must produce a valid index; failures are wrapped. */
function checkCompositeTemplate(name: string, template: ComposableTemplate): void {
  if (template.composedOf.length > 0) throw new UnmodelledError('validating a template composed of component templates', name);
  const settings = parseIndexSettings(template.settings, `template ${name}`);
  try {
    checkMappingLimits(parseRootMapping(template.mappings, settings, `template ${name}`), settings);
  } catch (e) {
    if (!(e instanceof EsFailure)) throw e;
    fail(esError('illegal_argument_exception', `composable template [${name}] template after composition is invalid`, e.error));
  }
}

/** MetadataIndexTemplateService#validate refuses these characters; its messages are not modelled. */
function refuseUnmodelledNames(name: string, template: ComposableTemplate): void {
  const bad = /[ ,#:\\/?"<>|*]|^_/;
  if (bad.test(name) || name.toLowerCase() !== name) throw new UnmodelledError(`the template name [${name}]`, name, 'Elasticsearch validates names; only plain lowercase names are modelled');
  for (const p of template.indexPatterns) {
    if (/[ ,#:\\/?"<>|]|^_/.test(p)) throw new UnmodelledError(`the index pattern [${p}]`, name, 'Elasticsearch validates patterns; only plain patterns are modelled');
  }
}
