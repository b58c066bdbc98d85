import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import { parseDuration } from '../duration.js';
import { numberLiteral } from '../promql-selectors.js';
import type { RuleInventory } from '../rule-inventory.js';
import type { Workspace } from '../../workspace/workspace.js';
import { issueThresholds, type IssueThreshold } from './issue-thresholds.js';

const id = 'alerts/thresholds';
const operators: Record<string, IssueThreshold['op'] | undefined> = { Gtr: '>', Lss: '<', Eql: '==' };

/** One comparison of an expression with a number: `x > 0.05`, or `x < 0.5 * base` (factor). */
interface Comparison {
  op: string;
  value: number;
  factor: boolean;
}

/** Every comparison of `expr` with a literal, read from PromQL's syntax tree. */
export function comparisonsIn(expr: string): Comparison[] {
  const found: Comparison[] = [];
  const literal = (node: SyntaxNode | null): number | undefined => (node && /Number/.test(node.name) ? numberLiteral(expr.slice(node.from, node.to)) : undefined);
  parser.parse(expr).iterate({
    enter(ref) {
      if (ref.name !== 'BinaryExpr') return;
      const children: SyntaxNode[] = [];
      for (let c = ref.node.firstChild; c; c = c.nextSibling) children.push(c);
      const opNode = children.find((c) => c.name in operators || ['Neq', 'Gte', 'Lte'].includes(c.name));
      if (!opNode) return;
      const op = expr.slice(opNode.from, opNode.to);
      const [lhs, rhs] = [children[0]!, children[children.length - 1]!];
      for (const side of [rhs, lhs]) {
        const direct = literal(side);
        if (direct !== undefined) found.push({ op, value: direct, factor: false });
        else if (side.name === 'BinaryExpr' && side.getChild('Mul')) {
          const value = literal(side.firstChild) ?? literal(side.lastChild);
          if (value !== undefined) found.push({ op, value, factor: true });
        }
      }
    },
  });
  return found;
}

/** The issue's thresholds against the rules: each alert exists, compares as written, waits as long. */
export function thresholdProblems(inventory: RuleInventory, table: readonly IssueThreshold[] = issueThresholds): Problem[] {
  const problems: Problem[] = [];
  const alertFile = inventory.alerts()[0]?.file ?? inventory.files[0]?.file ?? 'monitoring/alert_rules.yml';
  for (const t of table) {
    const rule = inventory.find('alert', t.alert);
    const wanted = `${t.op} ${t.factor ? `${t.value} * <baseline>` : t.value}`;
    if (!rule) {
      problems.push(
        problem({
          check: id,
          file: alertFile,
          message: `issue 3 requires alert ${t.alert} (${t.meaning}), and no rule file defines it`,
          hint: `add alert ${t.alert} with \`${wanted}\`${t.for ? ` and for: ${t.for}` : ''}`,
        }),
      );
      continue;
    }
    const comparisons = comparisonsIn(rule.expr);
    if (!comparisons.some((c) => c.op === t.op && c.value === t.value && c.factor === Boolean(t.factor))) {
      const seen = comparisons.map((c) => `${c.op} ${c.factor ? `${c.value} * …` : c.value}`).join(', ') || 'no comparison with a number';
      problems.push(
        problem({
          check: id,
          file: rule.file,
          line: rule.exprLine,
          message: `alert ${t.alert} must fire when ${t.meaning}: expected \`${wanted}\`, found ${seen}`,
          hint: `compare with ${wanted} as issue 3's table says (thresholds are fixed by the spec)`,
        }),
      );
    }
    if (t.for && parseDuration(rule.for ?? '0') !== parseDuration(t.for)) {
      const yaml = inventory.files.find((f) => f.file === rule.file);
      problems.push(
        problem({
          check: id,
          file: rule.file,
          line: yaml?.lineOf([...rule.path, 'for']) ?? rule.line,
          message: `alert ${t.alert} must wait for: ${t.for}, not ${rule.for ?? 'no for at all'}`,
          hint: `set for: ${t.for} (issue 3's table)`,
        }),
      );
    }
  }
  return problems;
}

export const thresholdsCheck: Check<Workspace> = {
  id,
  description: "issue 3's alerts exist with exactly the table's thresholds and `for` durations",
  async run({ workspace }) {
    return thresholdProblems(workspace.rules());
  },
};
