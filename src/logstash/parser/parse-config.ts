import type { BranchNode, Clause, PipelineConfig, Section, SectionKind, Statement } from './ast.js';
import { parseCondition } from './conditions.js';
import { Cursor } from './cursor.js';
import { parsePlugin } from './values.js';

const sectionKinds: readonly SectionKind[] = ['input', 'filter', 'output'];

/**
 * Parses a Logstash pipeline config (the language of logstash.conf). A syntax error throws
 * a ConfigError at file:line:col that says what was expected there and what was found.
 */
export function parseConfig(file: string, text: string): PipelineConfig {
  const c = new Cursor(file, text);
  const sections: Section[] = [];
  for (;;) {
    c.skip();
    if (c.done) break;
    const kind = sectionKinds.find((k) => c.atWord(k)) ?? c.fail(['`input`', '`filter`', '`output`'], 'at the top level');
    const pos = c.pos();
    c.offset += kind.length;
    c.expect('{', `after \`${kind}\``);
    sections.push({ kind, body: parseBody(c, `the ${kind} section opened at line ${pos.line}`), pos });
  }
  return { file, text, sections };
}

/** Plugins and branches up to the closing `}` (consumed). */
function parseBody(c: Cursor, what: string): Statement[] {
  const body: Statement[] = [];
  for (;;) {
    c.skip();
    if (c.at('}')) {
      c.offset++;
      return body;
    }
    if (c.done) c.fail(['`}`'], `to close ${what}`);
    if (c.atWord('else')) c.fail(['a plugin', '`if`', '`}`'], `in ${what} (an \`else\` must follow the \`}\` of an \`if\`)`);
    body.push(c.atWord('if') ? parseBranch(c) : parsePlugin(c, `in ${what}`));
  }
}

function parseBranch(c: Cursor): BranchNode {
  const pos = c.pos();
  const clauses: Clause[] = [];
  c.offset += 2;
  clauses.push(parseClause(c, 'if', pos));
  for (;;) {
    const saved = c.offset;
    c.skip();
    if (!c.atWord('else')) {
      c.offset = saved;
      break;
    }
    const elsePos = c.pos();
    c.offset += 4;
    c.skip();
    if (c.atWord('if')) {
      c.offset += 2;
      clauses.push(parseClause(c, 'else if', elsePos));
      continue;
    }
    clauses.push(parseClause(c, 'else', elsePos));
    break;
  }
  return { type: 'branch', clauses, pos };
}

function parseClause(c: Cursor, kind: Clause['kind'], pos: Clause['pos']): Clause {
  const condition = kind === 'else' ? undefined : parseCondition(c);
  c.expect('{', condition ? `after the condition \`${condition.text}\`` : 'after `else`');
  return { kind, condition, body: parseBody(c, `the \`${kind}\` block opened at line ${pos.line}`), pos };
}
