import { describe, MetricsUsageError } from './label-values.js';

/** The route label of a request that matched no route: one fixed value, whatever the URL was. */
export const unmatchedRoute = 'unmatched';

/**
 * Route templates for servers without a router (plain `node:http`): maps a request path to
 * the template it matches, so `/api/timelines/42` and `/api/timelines/43` share the label
 * `/api/timelines/:id`. `:name` matches one path segment, a final `*` matches the rest.
 * The first template that matches wins, as in Express, so list specific ones first.
 */
export class RouteTable {
  private readonly compiled: readonly { template: string; pattern: RegExp }[];

  constructor(templates: readonly string[]) {
    if (!Array.isArray(templates)) {
      throw new MetricsUsageError(`RouteTable: expected an array of route templates such as ["/api/timelines/:id"], got ${describe(templates)}`);
    }
    const seen = new Set<string>();
    this.compiled = templates.map((template, index) => {
      const pattern = compile(template, index);
      if (seen.has(template)) throw new MetricsUsageError(`RouteTable: route template ${JSON.stringify(template)} is listed twice (index ${index}); remove one`);
      seen.add(template);
      return { template, pattern };
    });
  }

  /** The template `url` matches (query string ignored), or undefined. */
  match(url: string): string | undefined {
    const path = pathOf(url);
    return this.compiled.find((route) => route.pattern.test(path))?.template;
  }

  get templates(): string[] {
    return this.compiled.map((route) => route.template);
  }
}

/** The path of a request target: no query or fragment, and no trailing slash (Express's non-strict routing). */
function pathOf(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

const literalSegment = /^[A-Za-z0-9._~!$&'()+,;=@%-]+$/;
const paramSegment = /^:[A-Za-z_][A-Za-z0-9_]*$/;

function compile(template: unknown, index: number): RegExp {
  const where = `RouteTable: route template ${describe(template)} (index ${index})`;
  if (typeof template !== 'string' || !template.startsWith('/')) {
    throw new MetricsUsageError(`${where} must be a string that starts with "/", e.g. "/api/timelines/:id"`);
  }
  if (template === '/') return /^\/$/;
  const segments = template.slice(1).split('/');
  const parts = segments.map((segment, i) => {
    if (segment === '*' && i === segments.length - 1) return '(?:/.*)?';
    if (paramSegment.test(segment)) return '/[^/]+';
    if (literalSegment.test(segment)) return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
    throw new MetricsUsageError(`${where}: segment ${JSON.stringify(segment)} is neither a literal, a parameter like ":id", nor a final "*"`);
  });
  return new RegExp(`^${parts.join('')}$`);
}
