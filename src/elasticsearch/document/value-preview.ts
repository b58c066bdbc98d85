import { javaHashOrder } from '../java/java-hash-order.js';
import { javaDoubleToString } from '../java/java-text.js';
import type { JsonNode } from '../json/json-node.js';

/**
 * The "Preview of field's value" of FieldMapper#rethrowAsDocumentParsingException:
 * AbstractXContentParser#readValue(parser, HashMap::new) then toString. Strings print bare,
 * integer tokens as Integer/Long/BigInteger, floating tokens as Double (Jackson's
 * getNumberValue), objects as a java.util.HashMap (`{k=v, k2=v2}` in hash order), arrays as an
 * ArrayList (`[a, b]`), null as `null`.
 */
export function javaPreview(node: JsonNode): string {
  switch (node.kind) {
    case 'string':
      return node.value;
    case 'number':
      return node.integer ? BigInt(node.text).toString() : javaDoubleToString(Number(node.text));
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'array':
      return `[${node.items.map(javaPreview).join(', ')}]`;
    case 'object':
      return `{${javaHashOrder(node.entries.map((e) => [e.key, e.value] as const))
        .map(([k, v]) => `${k}=${javaPreview(v)}`)
        .join(', ')}}`;
  }
}
