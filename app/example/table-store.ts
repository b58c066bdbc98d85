/** What the example API keeps: rows of three tables, each with a numeric id. */
export type Row = Record<string, unknown> & { id: number };
export type TableName = 'timelines' | 'classes' | 'events';

/**
 * Where the example API's rows live: a real database (mysql-store.ts, what the end-to-end
 * tests run) or memory (memory-store.ts, for running the example alone). Each method is one
 * statement, so one call is one query in the application's database metrics.
 */
export interface TableStore {
  all(table: TableName): Promise<Row[]>;
  get(table: TableName, id: number): Promise<Row | undefined>;
  insert(table: TableName, fields: Record<string, unknown>): Promise<Row>;
  /** The updated row, or undefined when there is no row `id`. */
  update(table: TableName, id: number, fields: Record<string, unknown>): Promise<Row | undefined>;
  /** Whether a row was deleted. */
  delete(table: TableName, id: number): Promise<boolean>;
  /** Connections checked out and the pool's size, when the store has a pool. */
  readonly pool?: () => { active: number; max: number };
  close(): Promise<void>;
}
