// The schema engine reads PostgreSQL catalogs whose flag columns (pg_constraint.contype and
// others) use the internal one-byte "char" type, OID 18. @prisma/adapter-pg 7.10 cannot map that
// type and fails the whole query; reading it as text instead crashes the engine as soon as
// pg_constraint holds CHECK or NOT NULL rows, because the engine expects a single character.
// So each pooled client reports those columns as text to the adapter and marks them on the rows
// array, which the adapter hands through untouched, and the wrapped queryRaw restores their
// type as Character.
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type { SqlQuery, SqlQueryable, SqlResultSet } from "@prisma/driver-adapter-utils";
import type pg from "pg";

const CHAR_OID = 18;
const TEXT_OID = 25;
const CHAR_COLUMNS = Symbol("charColumns");

type MarkedRows = unknown[] & { [CHAR_COLUMNS]?: number[] };

function markCharColumns<T>(result: T): T {
  for (const one of Array.isArray(result) ? result : [result]) {
    const { fields, rows } = one as Partial<pg.QueryResult>;
    if (!fields || !rows) continue;
    const indexes = fields.flatMap((field, i) => (field.dataTypeID === CHAR_OID ? [i] : []));
    if (indexes.length === 0) continue;
    for (const i of indexes) (fields[i] as pg.FieldDef).dataTypeID = TEXT_OID;
    (rows as MarkedRows)[CHAR_COLUMNS] = indexes;
  }
  return result;
}

type AnyQuery = (...args: unknown[]) => unknown;

/** Installs the marking on every client the pool opens; call before the pool's first query. */
export function markCharColumnsOnConnect(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as AnyQuery;
    const marked: AnyQuery = (...args) => {
      const callback = args.at(-1);
      if (typeof callback === "function") {
        return query(...args.slice(0, -1), (error: unknown, result: unknown) =>
          callback(error, error ? result : markCharColumns(result)),
        );
      }
      const pending = query(...args);
      return pending instanceof Promise ? pending.then(markCharColumns) : pending;
    };
    client.query = marked as typeof client.query;
  });
}

export async function queryRawWithCharColumns(
  queryable: SqlQueryable,
  query: SqlQuery,
): Promise<SqlResultSet> {
  const result = await queryable.queryRaw(query);
  const indexes = (result.rows as MarkedRows)[CHAR_COLUMNS];
  if (!indexes) return result;
  const columnTypes = result.columnTypes.map((type, i) =>
    indexes.includes(i) ? ColumnTypeEnum.Character : type,
  );
  return { ...result, columnTypes };
}
