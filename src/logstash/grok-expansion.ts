/** `%{NAME}`, `%{NAME:field}`, `%{NAME:field:type}`: the references grok expands. */
const reference = /%\{([A-Za-z0-9_]+)(?::[^:}]+(?::[a-z]+)?)?\}/g;

export type Expansion = { regex: string } | { undefinedName: string } | { cycle: string[] };

/**
 * Expands a grok expression into the plain regular expression grok compiles, from the
 * definitions given (each reference becomes a group, as in grok). Names that are not
 * defined, and definitions that refer to themselves, are reported instead.
 */
export function expandGrok(expression: string, definitions: Readonly<Record<string, string>>): Expansion {
  const expand = (text: string, stack: string[]): Expansion => {
    let failure: Expansion | undefined;
    const regex = text.replace(reference, (_, name: string) => {
      if (failure) return '';
      if (stack.includes(name)) {
        failure = { cycle: [...stack, name] };
        return '';
      }
      const definition = definitions[name];
      if (definition === undefined) {
        failure = { undefinedName: name };
        return '';
      }
      const inner = expand(definition, [...stack, name]);
      if (!('regex' in inner)) {
        failure = inner;
        return '';
      }
      return `(?:${inner.regex})`;
    });
    return failure ?? { regex };
  };
  return expand(expression, []);
}
