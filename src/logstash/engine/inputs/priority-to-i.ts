import { rubyStringToI } from '../mutate/ruby-string.js';
import { LsBigDecimal, type LsValue } from '../value.js';

/** `value.to_i rescue 13` (syslog.rb:345): nil.to_i is 0; a value without to_i gives 13. */
export function priorityToI(value: LsValue | undefined): bigint {
  if (value === undefined || value === null) return 0n;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'string') return rubyStringToI(value);
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt(Math.trunc(value)) : 13n;
  if (value instanceof LsBigDecimal) return BigInt(Math.trunc(value.toNumber()));
  return 13n;
}
