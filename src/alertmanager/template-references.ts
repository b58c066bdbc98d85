/** A `{{ define "x" }}` or `{{ template "x" }}` found in a file, with its line. */
export interface TemplateReference {
  kind: 'define' | 'template';
  name: string;
  file: string;
  line: number;
}

// Go templates allow {{- and -}} trim markers and any spacing inside the action.
const action = /\{\{-?\s*(define|template)\s+"([^"]+)"/g;

/** Every define and template call of a text, in order; `firstLine` offsets multi-line YAML values. */
export function templateReferences(text: string, file: string, firstLine = 1): TemplateReference[] {
  const found: TemplateReference[] = [];
  text.split('\n').forEach((lineText, i) => {
    for (const match of lineText.matchAll(action)) {
      found.push({ kind: match[1] as 'define' | 'template', name: match[2]!, file, line: firstLine + i });
    }
  });
  return found;
}
