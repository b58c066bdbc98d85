import type { RuleEntry } from '../prometheus-rules/rule-inventory.js';

/**
 * A rule's annotations as Prometheus sends them for one alert: `{{ $labels.x }}` becomes the
 * alert's label x and `{{ $value }}` (whatever it is piped through) the value text the caller
 * gives, already formatted as that function would print it ("97.3%" for humanizePercentage).
 * Only those two forms are filled in: a storm test needs messages of the size on-call would
 * get, not a second template engine. Any other template action is refused, naming the rule,
 * so a richer annotation cannot silently reach a receiver unrendered.
 */
export function renderedAnnotations(rule: RuleEntry, labels: Readonly<Record<string, string>>, value: string): Record<string, string> {
  const rendered: Record<string, string> = {};
  for (const [name, template] of Object.entries(rule.annotations)) {
    const text = template
      .replace(/\{\{\s*\$labels\.(\w+)\s*\}\}/g, (_, label: string) => {
        const found = labels[label];
        if (found === undefined)
          throw new Error(`${rule.file}:${rule.line}: annotation ${name} of ${rule.name} uses $labels.${label}, which the storm's alert does not carry; give its labels a "${label}"`);
        return found;
      })
      .replace(/\{\{\s*\$value(\s*\|\s*\w+)?\s*\}\}/g, value);
    const left = /\{\{.*?\}\}/.exec(text);
    if (left)
      throw new Error(
        `${rule.file}:${rule.line}: annotation ${name} of ${rule.name} uses ${left[0]}, which src/faults/rendered-annotations.ts does not fill in; teach it that form or write the annotation with $labels and $value only`,
      );
    rendered[name] = text;
  }
  return rendered;
}
