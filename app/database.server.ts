// How the app opens its database. SQLite (better-sqlite3) is the embedded default and PostgreSQL
// (pg) the production option; the URL picks one, and the rest of the code sees a single
// `Database` type whichever it is. The app's one client lives in db.server.ts; this module reads
// no environment, so scripts and tests can open a database of their own.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";

import { PrismaClient as PostgresClient } from "~/generated/prisma/postgresql/client";
import { PrismaClient as SqliteClient } from "~/generated/prisma/sqlite/client";

import { databaseProvider, sqliteFilePath } from "../prisma/database-url";

export { databaseProvider, type DatabaseProvider } from "../prisma/database-url";

/**
 * The client type the app codes against. Both clients are generated from the same models (the
 * PostgreSQL schema is derived from the SQLite one), so their model APIs match; where they differ
 * the PostgreSQL client only adds options (`mode: "insensitive"`, `skipDuplicates`), so code
 * typed against SQLite runs on both. Raw SQL is the exception and is written per dialect.
 */
export type Database = SqliteClient;

// A writer waits this long for another connection's lock (the server, a job run and a CLI
// script can share the file) instead of failing at once with SQLITE_BUSY.
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export function createDatabase(url: string): Database {
  if (databaseProvider(url) === "sqlite") return new SqliteClient({ adapter: sqliteAdapter(url) });
  // Sound per the note on `Database`: same models, same runtime, a superset of its options.
  return new PostgresClient({
    adapter: new PrismaPg({ connectionString: url }),
  }) as unknown as Database;
}

/**
 * The better-sqlite3 adapter opens its own connection with no hook for pragmas, so they run
 * right after it connects. WAL lets readers carry on while one connection writes, and is
 * recorded in the file; `synchronous = NORMAL` is the setting WAL is designed for (a power cut can
 * undo the last commits but never corrupts the file).
 */
function sqliteAdapter(url: string): SqlDriverAdapterFactory {
  const factory = new PrismaBetterSqlite3({
    url: sqliteFilePath(url),
    timeout: SQLITE_BUSY_TIMEOUT_MS,
  });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      await adapter.executeScript(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
      );
      return adapter;
    },
  };
}

/** Throws when the database cannot answer a trivial query; used at start-up and by /healthz. */
export async function checkDatabase(db: Database): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}

export async function disconnectDatabase(db: Database): Promise<void> {
  await db.$disconnect();
}
