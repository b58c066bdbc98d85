import { connect } from 'node:net';
import { createPool, type Pool, type ResultSetHeader, type RowDataPacket } from 'mysql2/promise';
import type { Row, TableName, TableStore } from './table-store.js';

export interface MysqlStoreOptions {
  /** `mysql://user:password@host:port/database` */
  url: string;
  /** The pool's size: db_connections_max. */
  poolMax: number;
  /**
   * Where to connect, asked again for every new connection: a database container that
   * restarts gets a new host port, and a real app would follow a DNS name the same way.
   */
  locate?: () => { host: string; port: number };
}

// Columns per table, as the API writes them (camelCase in JSON, snake_case in SQL).
const columns: Record<TableName, Record<string, string>> = {
  timelines: { name: 'name' },
  classes: { name: 'name' },
  events: { type: 'type', timelineId: 'timeline_id' },
};
const schema = [
  'CREATE TABLE IF NOT EXISTS timelines (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL)',
  'CREATE TABLE IF NOT EXISTS classes (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL)',
  'CREATE TABLE IF NOT EXISTS events (id INT AUTO_INCREMENT PRIMARY KEY, type VARCHAR(16) NOT NULL, timeline_id INT NOT NULL)',
];
/** Bounded like a production client: a database that hangs fails queries instead of requests hanging forever. */
const timeoutMs = 2000;

/**
 * The example API's tables in MySQL (or MariaDB) through a mysql2 pool. The schema is created
 * on first use, and again after a failure, so the app may start before the database.
 */
export function mysqlStore(options: MysqlStoreOptions): TableStore {
  const url = new URL(options.url);
  const pool: Pool = createPool({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.replace(/^\//, ''),
    connectionLimit: options.poolMax,
    waitForConnections: true,
    connectTimeout: timeoutMs,
    ...(options.locate
      ? {
          stream: () => {
            const at = options.locate!();
            return connect(at.port, at.host);
          },
        }
      : {}),
  });
  // A broken connection is reported on the query that used it; the pool drops the connection.
  pool.on('connection', (c) => c.on('error', () => undefined));
  let ready: Promise<void> | undefined;
  const ensureSchema = () =>
    (ready ??= (async () => {
      for (const sql of schema) await pool.query({ sql, timeout: timeoutMs });
    })().catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));
  const run = async <T extends RowDataPacket[] | ResultSetHeader>(sql: string, values: unknown[]): Promise<T> => {
    await ensureSchema();
    const [result] = await pool.query<T>({ sql, values, timeout: timeoutMs });
    return result;
  };
  const fromSql = (table: TableName, r: RowDataPacket): Row => {
    const row: Row = { id: Number(r.id) };
    for (const [field, column] of Object.entries(columns[table])) row[field] = r[column];
    return row;
  };
  const assignments = (table: TableName, fields: Record<string, unknown>) => Object.entries(columns[table]).map(([field, column]) => [column, fields[field]] as const);

  return {
    all: async (table) => (await run<RowDataPacket[]>(`SELECT * FROM ${table} ORDER BY id`, [])).map((r) => fromSql(table, r)),
    async get(table, id) {
      const [row] = await run<RowDataPacket[]>(`SELECT * FROM ${table} WHERE id = ?`, [id]);
      return row ? fromSql(table, row) : undefined;
    },
    async insert(table, fields) {
      const set = assignments(table, fields);
      const result = await run<ResultSetHeader>(
        `INSERT INTO ${table} (${set.map(([c]) => c).join(', ')}) VALUES (${set.map(() => '?').join(', ')})`,
        set.map(([, v]) => v),
      );
      return { ...fields, id: result.insertId };
    },
    async update(table, id, fields) {
      const set = assignments(table, fields);
      const result = await run<ResultSetHeader>(`UPDATE ${table} SET ${set.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`, [...set.map(([, v]) => v), id]);
      return result.affectedRows ? { ...fields, id } : undefined;
    },
    delete: async (table, id) => (await run<ResultSetHeader>(`DELETE FROM ${table} WHERE id = ?`, [id])).affectedRows > 0,
    // mysql2 keeps its connections in lib/base/pool.js _allConnections / _freeConnections; the
    // difference is what is checked out (the 'acquire'/'release' events miss a connection
    // destroyed while in use).
    pool: () => {
      const inner = pool.pool as unknown as { _allConnections: { length: number }; _freeConnections: { length: number } };
      return { active: Math.max(0, Math.min(options.poolMax, inner._allConnections.length - inner._freeConnections.length)), max: options.poolMax };
    },
    close: () => pool.end(),
  };
}
