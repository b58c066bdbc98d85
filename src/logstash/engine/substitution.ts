import { isMap, newMap, type LsValue } from './value.js';

// logstash-core v8.17.4 util/substitution_variables.rb:9.
const placeholder = /\$\{([a-zA-Z_.][a-zA-Z0-9_.]*)(:([^}]*))?\}/g;

/**
 * deep_replace (substitution_variables.rb:15-70): `${NAME}` and `${NAME:default}` in every
 * string of a value, from `variables` (the secret store is not modelled: none is configured),
 * else the default, else Logstash's ConfigurationError. With `refine` (top-level plugin
 * params), a string that held a placeholder loses enclosing quotes, and `[a, b]` becomes an
 * array.
 */
export function substituteVariables(value: LsValue, refine: boolean, variables: Readonly<Record<string, string>>): LsValue {
  if (isMap(value)) return newMap(Object.entries(value).map(([k, v]) => [k, substituteVariables(v, refine, variables)]));
  if (Array.isArray(value)) return value.map((v) => substituteVariables(v, refine, variables));
  if (typeof value !== 'string') return value;
  let found = false;
  const replaced = value.replace(placeholder, (whole, name: string, _colon: string | undefined, fallback: string | undefined) => {
    found = true;
    const replacement = Object.hasOwn(variables, name) ? variables[name] : fallback;
    if (replacement === undefined) {
      throw new Error(`Cannot evaluate \`${whole}\`. Replacement variable \`${name}\` is not defined in a Logstash secret store or as an Environment entry and there is no default value given.`);
    }
    return replacement;
  });
  if (!found || !refine) return replaced;
  const refined = stripEnclosing(stripEnclosing(replaced, "'"), '"');
  if (refined.startsWith('[') && refined.endsWith(']')) {
    return (
      refined
        .slice(1, -1)
        .split(',')
        // Ruby's String#split drops trailing empty fields.
        .filter((s, i, all) => s !== '' || all.slice(i).some((t) => t !== ''))
        .map((s) => stripEnclosing(stripEnclosing(s.trim(), "'"), '"'))
    );
  }
  return refined;
}

function stripEnclosing(text: string, quote: string): string {
  return text.length > 0 && text.startsWith(quote) && text.endsWith(quote) ? text.slice(1, -1) : text;
}
