import { describe, expect, it } from 'vitest';
import { canonicalExpr } from './canonical-expr.js';

describe('canonicalExpr', () => {
  it('drops comments and folds line breaks and indentation', () => {
    expect(canonicalExpr('sum by (job)\n  (rate(errors_total[5m]))  # per job\n > 0.05\n')).toBe('sum by (job) (rate(errors_total[5m])) > 0.05');
  });

  it('keeps a # and double spaces inside string literals', () => {
    expect(canonicalExpr('up{path="/a  # b"}   == 0')).toBe('up{path="/a  # b"} == 0');
  });

  it('keeps a changed threshold a change', () => {
    expect(canonicalExpr('x > 0.05')).not.toBe(canonicalExpr('x > 0.04'));
  });
});
