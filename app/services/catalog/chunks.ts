/**
 * Splits a list for `IN (...)` filters: SQLite allows 32,766 bound values per statement and
 * PostgreSQL 65,535, and long lists plan badly well before that.
 */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}
