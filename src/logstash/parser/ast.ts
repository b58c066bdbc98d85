/**
 * The syntax tree of a Logstash pipeline config, as Logstash's own grammar
 * (logstash-core/lib/logstash/config/grammar.treetop) defines it. Every node keeps where
 * it starts, so each later finding can name file:line:col.
 */
export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** 0-based offset into the text. */
  offset: number;
}

export type SectionKind = 'input' | 'filter' | 'output';

export interface PipelineConfig {
  file: string;
  text: string;
  sections: Section[];
}

export interface Section {
  kind: SectionKind;
  body: Statement[];
  pos: Position;
}

export type Statement = PluginNode | BranchNode;

export interface PluginNode {
  type: 'plugin';
  name: string;
  attributes: Attribute[];
  pos: Position;
}

export interface Attribute {
  name: string;
  value: Value;
  pos: Position;
}

export type Value =
  | { kind: 'string'; value: string; quote: '"' | "'"; pos: Position }
  | { kind: 'number'; value: number; raw: string; pos: Position }
  | { kind: 'bareword'; value: string; pos: Position }
  | { kind: 'array'; items: Value[]; pos: Position }
  | { kind: 'hash'; entries: HashEntry[]; pos: Position }
  | { kind: 'plugin'; plugin: PluginNode; pos: Position };

export interface HashEntry {
  key: Extract<Value, { kind: 'string' | 'number' | 'bareword' }>;
  value: Value;
  pos: Position;
}

/** if / else if / else: the clauses in order; only the last may lack a condition. */
export interface BranchNode {
  type: 'branch';
  clauses: Clause[];
  pos: Position;
}

export interface Clause {
  kind: 'if' | 'else if' | 'else';
  condition?: Condition;
  body: Statement[];
  pos: Position;
}

export type BooleanOperator = 'and' | 'or' | 'xor' | 'nand';
export type CompareOperator = '==' | '!=' | '<' | '>' | '<=' | '>=';

/** A condition as written: source text for people, structure for checks. */
export interface Condition {
  /** The exact source text of the condition. */
  text: string;
  /** Operands joined left to right by `operators` (Logstash's grammar keeps them flat). */
  operands: Expression[];
  operators: BooleanOperator[];
  pos: Position;
}

export type Expression =
  | { kind: 'group'; condition: Condition; pos: Position }
  | { kind: 'not'; operand: Condition | RValue; pos: Position }
  | { kind: 'in'; negated: boolean; left: RValue; right: RValue; pos: Position }
  | { kind: 'compare'; operator: CompareOperator; left: RValue; right: RValue; pos: Position }
  | { kind: 'match'; negated: boolean; left: RValue; pattern: RValue; pos: Position }
  | { kind: 'truthy'; value: RValue; pos: Position };

export type RValue =
  | { kind: 'string'; value: string; pos: Position }
  | { kind: 'number'; value: number; pos: Position }
  | { kind: 'field'; path: string[]; text: string; pos: Position }
  | { kind: 'regexp'; source: string; pos: Position }
  | { kind: 'list'; items: RValue[]; pos: Position }
  | { kind: 'call'; method: string; args: RValue[]; pos: Position };
