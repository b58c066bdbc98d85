import { createRequire } from 'node:module';
import { Ajv, type AnySchema, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';

/**
 * Real Kubernetes schemas, strict: an unknown field fails, as with `kubeconform -strict`.
 *
 * kubernetes-models 4.3.1 ships the Kubernetes 1.27 OpenAPI definitions as raw JSON schemas
 * (later versions ship only precompiled validators, which cannot be made strict). Each model
 * registers its schemas through @kubernetes-models/validate. We collect them there and compile
 * strict copies into our own ajv: wherever a schema lists `properties` and says nothing about
 * others, others are forbidden. That is how kubeconform's strict schemas
 * are derived from the same OpenAPI documents.
 */
const requireFromHere = createRequire(import.meta.url);
const requireFromModels = createRequire(requireFromHere.resolve('kubernetes-models'));

// Every model's addSchema() calls register(id, schema) of @kubernetes-models/validate, reading
// the function from the module's exports at each call: wrapping it hands us each raw schema.
const validateModule = requireFromModels('@kubernetes-models/validate') as { register: (id: string, schema: AnySchema) => void };
const rawSchemas = new Map<string, AnySchema>();
const register = validateModule.register;
validateModule.register = (schemaId, schema) => {
  rawSchemas.set(schemaId, schema);
  register(schemaId, schema);
};

export const kubernetesVersion = '1.27.1';

const strictAjv = new Ajv({ allErrors: true, verbose: true, strict: false, strictTypes: false });
// A CommonJS module: its function is also its own `default`, which is the form TypeScript types.
ajvFormats.default(strictAjv);
// Kubernetes resource quantities (apimachinery/pkg/api/resource): 500m, 1Gi, 1e3, 0.5.
strictAjv.addFormat('quantity', /^[+-]?(\d+|\d+\.\d*|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/);
const copied = new Set<string>();
const validators = new Map<string, ValidateFunction | undefined>();

/** The model module of an apiVersion: `apps/v1` → kubernetes-models/apps/v1, `v1` → kubernetes-models/v1. */
function modelClass(apiVersion: string, kind: string): (new (data?: object) => object) | undefined {
  if (!/^([a-z0-9.-]+\/)?v\d+((alpha|beta)\d+)?$/.test(apiVersion)) return undefined;
  let group: Record<string, unknown>;
  try {
    group = requireFromHere(`kubernetes-models/${apiVersion}`) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const model = group[kind] as { apiVersion?: string; kind?: string } | undefined;
  return model?.apiVersion === apiVersion && model.kind === kind ? (model as unknown as new (data?: object) => object) : undefined;
}

/**
 * The strict validator of an apiVersion/kind, or undefined when Kubernetes 1.27 has no such
 * kind. The model keeps its schema id and the function that registers its schemas under two
 * private symbols; both are read by their descriptions.
 */
export function strictValidator(apiVersion: string, kind: string): ValidateFunction | undefined {
  const key = `${apiVersion}/${kind}`;
  if (validators.has(key)) return validators.get(key);
  const model = modelClass(apiVersion, kind);
  let validator: ValidateFunction | undefined;
  if (model) {
    const symbols = Object.getOwnPropertySymbols(model.prototype);
    const proto = model.prototype as Record<symbol, unknown>;
    const schemaId = proto[symbols.find((s) => s.description === 'SCHEMA_ID')!] as string | undefined;
    const addSchema = proto[symbols.find((s) => s.description === 'ADD_SCHEMA')!] as (() => void) | undefined;
    if (schemaId && addSchema) {
      addSchema();
      for (const [id, schema] of rawSchemas) {
        if (copied.has(id)) continue;
        strictAjv.addSchema(forbidUnknownFields(schema), id);
        copied.add(id);
      }
      validator = strictAjv.getSchema(schemaId);
    }
  }
  validators.set(key, validator);
  return validator;
}

/** A deep copy with `additionalProperties: false` wherever `properties` are listed alone. */
export function forbidUnknownFields(schema: AnySchema): AnySchema {
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: Record<string, unknown> = { ...(schema as Record<string, unknown>) };
  if (copy.properties && typeof copy.properties === 'object') {
    copy.properties = Object.fromEntries(Object.entries(copy.properties as Record<string, AnySchema>).map(([k, v]) => [k, forbidUnknownFields(v)]));
    if (copy.additionalProperties === undefined && !copy['x-kubernetes-preserve-unknown-fields']) copy.additionalProperties = false;
  }
  if (copy.additionalProperties && typeof copy.additionalProperties === 'object') copy.additionalProperties = forbidUnknownFields(copy.additionalProperties as AnySchema);
  if (copy.items && typeof copy.items === 'object') copy.items = forbidUnknownFields(copy.items as AnySchema);
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    if (Array.isArray(copy[key])) copy[key] = (copy[key] as AnySchema[]).map(forbidUnknownFields);
  }
  return copy;
}

/**
 * The errors worth reporting. A nullable reference is written `oneOf: [{$ref}, {type: null}]`,
 * so a bad value also fails "must be null" and the oneOf; the reference's own errors say what
 * is wrong, the other two only repeat it.
 */
export function meaningfulErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const nullable = errors.filter((e) => e.keyword === 'oneOf' && Array.isArray(e.schema) && (e.schema as { type?: string }[]).some((s) => s.type === 'null'));
  const noise = new Set(nullable.map((e) => e.schemaPath));
  return errors.filter((e) => !noise.has(e.schemaPath) && !(e.keyword === 'type' && (e.params as { type?: string }).type === 'null'));
}
