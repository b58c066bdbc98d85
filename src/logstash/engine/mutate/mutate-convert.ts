import type { PluginLogger } from '../plugin-log.js';
import { rubyClassName } from '../ruby-class.js';
import { rubyInspect, rubyToS } from '../ruby-inspect.js';
import { LsBigDecimal, LsTimestamp, type LsValue } from '../value.js';
import { rubyStringToF, rubyStringToI } from './ruby-string.js';

// mutate.rb:199-200 (Ruby regexps: ^ and $ are line anchors, `.` any character).
const trueRegex = /^(true|t|yes|y|1|1.0)$/im;
const falseRegex = /^(false|f|no|n|0|0.0)$/im;

/** Ruby's NoMethodError message, as mutate reports a conversion or string method on the wrong type. */
export function noMethod(method: string, value: LsValue | undefined): Error {
  return new Error(`undefined method \`${method}' for ${value === undefined || value === null ? 'nil' : rubyInspect(value)}:${rubyClassName(value)}`);
}

/** mutate.rb:303-340: convert_string, _integer, _float, _boolean and the _eu variants. */
export function convertValue(value: LsValue, type: string, logger: PluginLogger): LsValue {
  switch (type) {
    case 'string':
      return rubyToS(value);
    case 'integer':
      return toInteger(value);
    case 'float':
      return toFloat(value);
    case 'boolean': {
      const text = rubyToS(value);
      if (trueRegex.test(text)) return true;
      if (text === '' || falseRegex.test(text)) return false;
      logger.warn(`Failed to convert ${text} into boolean.`);
      return value;
    }
    case 'integer_eu':
      return toInteger(typeof value === 'string' ? swapSeparators(value) : value);
    case 'float_eu':
      return toFloat(typeof value === 'string' ? swapSeparators(value) : value);
  }
  throw new Error(`undefined method \`convert_${type}'`);
}

function swapSeparators(text: string): string {
  return text.replace(/[,.]/g, (c) => (c === ',' ? '.' : ','));
}

function toInteger(value: LsValue): bigint {
  if (value === true) return 1n;
  if (value === false) return 0n;
  if (typeof value === 'string') return rubyStringToI(value.replaceAll(',', ''));
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity');
    return BigInt(Math.trunc(value));
  }
  if (value instanceof LsBigDecimal) {
    const scale = BigInt(Math.abs(value.scale));
    return value.scale >= 0 ? value.unscaled / 10n ** scale : value.unscaled * 10n ** scale;
  }
  if (value instanceof LsTimestamp) return value.epochSecond;
  throw noMethod('to_i', value);
}

function toFloat(value: LsValue): number {
  if (value === true) return 1;
  if (value === false) return 0;
  if (typeof value === 'string') return rubyStringToF(value.replaceAll(',', ''));
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return value;
  if (value instanceof LsBigDecimal) return value.toNumber();
  if (value instanceof LsTimestamp) return Number(value.epochSecond) + value.nano / 1e9;
  throw noMethod('to_f', value);
}
