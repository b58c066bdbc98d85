import { bytesContain, javaEquals } from './condition-ops.js';
import type { CompiledCondition } from './condition-compile.js';
import { PipelineLoadError } from './engine-errors.js';
import { javaStoredToString } from './java-text.js';
import { isMap, type LsValue } from './value.js';

/** An operand of and/or before it is a condition (lscl.rb keeps field values apart: eTruthy). */
export type Operand = { cond: CompiledCondition } | { field: string } | { value: LsValue; regex?: string };

/**
 * `in` as EventCondition.Compiler builds it (logstash-core v8.17.4 EventCondition.java:229-301
 * and the In* classes): a field in a constant string is a substring test; a constant string in
 * a field is a substring of a string field or an element of a list field; a number in a field
 * only finds list elements (ConstantScalarInField compares the field with its own reference);
 * a field in a constant list compares toString; a field in a field is substring, element or
 * equality. `not in` is not(in).
 */
export function compileIn(l: Operand, r: Operand, where: string): CompiledCondition {
  if ('field' in l && 'value' in r && (typeof r.value === 'string' || typeof r.value === 'bigint' || typeof r.value === 'number')) {
    const text = javaStoredToString(r.value);
    return (e) => {
      const found = e.peek(l.field);
      return typeof found === 'string' && bytesContain(text, found);
    };
  }
  if ('value' in l && 'field' in r && (typeof l.value === 'string' || typeof l.value === 'bigint' || typeof l.value === 'number')) {
    const constant = l.value;
    if (typeof constant === 'string') {
      return (e) => {
        const found = e.peek(r.field);
        return (typeof found === 'string' && bytesContain(found, constant)) || (Array.isArray(found) && found.some((item) => javaEquals(constant, item)));
      };
    }
    // ConstantScalarInField compares the field with its own reference: only a list can hold it.
    return (e) => {
      const found = e.peek(r.field);
      return Array.isArray(found) && found.some((item) => javaEquals(constant, item));
    };
  }
  if ('field' in l && 'value' in r && Array.isArray(r.value)) {
    const items = r.value.map((v) => javaStoredToString(v));
    return (e) => {
      const found = e.peek(l.field);
      return found !== undefined && items.includes(javaStoredToString(found));
    };
  }
  if ('field' in l && 'field' in r) {
    return (e) => {
      const lf = e.peek(l.field);
      const rf = e.peek(r.field);
      if (Array.isArray(lf) || isMap(lf)) return false;
      if (typeof lf === 'string' && typeof rf === 'string') return bytesContain(rf, lf);
      if (Array.isArray(rf)) return rf.some((item) => javaEquals(lf, item));
      return lf !== undefined && javaEquals(lf, rf);
    };
  }
  if ('value' in l && 'value' in r) {
    const [found, other] = [r.value, l.value];
    const res =
      Array.isArray(found) && typeof other === 'string'
        ? found.some((i) => javaStoredToString(i) === other)
        : typeof found === 'string' && typeof other === 'string'
          ? found.includes(other)
          : typeof found === 'string' && Array.isArray(other)
            ? other.some((i) => javaStoredToString(i) === found)
            : javaEquals(found, other);
    return () => res;
  }
  throw new PipelineLoadError(where, 'Logstash cannot compile this `in` (UnexpectedTypeException)');
}
