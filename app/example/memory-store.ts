import type { Row, TableName, TableStore } from './table-store.js';

/** Rows in memory: the example server alone, without a database (DATABASE_URL unset). */
export function memoryStore(): TableStore {
  const tables: Record<TableName, Map<number, Row>> = { timelines: new Map(), classes: new Map(), events: new Map() };
  let nextId = 1;
  return {
    all: async (table) => [...tables[table].values()],
    get: async (table, id) => tables[table].get(id),
    async insert(table, fields) {
      const row = { ...fields, id: nextId++ };
      tables[table].set(row.id, row);
      return row;
    },
    async update(table, id, fields) {
      if (!tables[table].has(id)) return undefined;
      const row = { ...fields, id };
      tables[table].set(id, row);
      return row;
    },
    delete: async (table, id) => tables[table].delete(id),
    close: async () => undefined,
  };
}
