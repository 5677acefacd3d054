// Driver adapter factories for the schema engine, with the fixes @prisma/adapter-* 7.10 need to
// run migrations, and a record of every connection so closing the engine closes them all.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

import { sqliteFilePath, type DatabaseProvider } from "../../prisma/database-url";
import { markCharColumnsOnConnect, queryRawWithCharColumns } from "./pg-char-columns";
import { createDatabaseOn, dropDatabaseOn, uniqueDatabaseName } from "./postgres-admin";

export type MigrationAdapters = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Disposes every connection the engine opened and did not dispose itself. */
  close(): Promise<void>;
};

type Overrides = Partial<Pick<SqlDriverAdapter, "queryRaw" | "executeRaw" | "dispose">>;

export function migrationAdapters(provider: DatabaseProvider, url: string): MigrationAdapters {
  const open = new Set<SqlDriverAdapter>();
  const track = (inner: SqlDriverAdapter, overrides: Overrides = {}): SqlDriverAdapter => {
    const adapter = wrapAdapter(inner, {
      ...overrides,
      dispose: async () => {
        open.delete(adapter);
        await (overrides.dispose ?? (() => inner.dispose()))();
      },
    });
    open.add(adapter);
    return adapter;
  };
  const factory = provider === "sqlite" ? sqliteFactory(url, track) : postgresFactory(url, track);
  const close = async () => {
    await Promise.all([...open].map((adapter) => adapter.dispose()));
  };
  return { factory, close };
}

type Track = (inner: SqlDriverAdapter, overrides?: Overrides) => SqlDriverAdapter;

function sqliteFactory(url: string, track: Track): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url: sqliteFilePath(url) });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => track(await inner.connect()),
    // The in-memory shadow database gets whole migration scripts through executeRaw, which
    // better-sqlite3 prepares as a single statement; a script goes through executeScript.
    connectToShadowDb: async () => {
      const shadow = await inner.connectToShadowDb();
      return track(shadow, {
        executeRaw: async (query) => {
          try {
            return await shadow.executeRaw(query);
          } catch (error) {
            if (!isMultiStatementError(error) || query.args.length > 0) throw error;
            await shadow.executeScript(query.sql);
            return 0;
          }
        },
      });
    },
  };
}

function isMultiStatementError(error: unknown): boolean {
  return error instanceof RangeError && /more than one statement/.test(error.message);
}

function postgresFactory(url: string, track: Track): SqlMigrationAwareDriverAdapterFactory {
  const connectTo = async (connectionString: string, onDispose?: () => Promise<void>) => {
    const pool = new pg.Pool({ connectionString, max: 2 });
    markCharColumnsOnConnect(pool);
    const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
    return track(adapter, {
      queryRaw: (query) => queryRawWithCharColumns(adapter, query),
      dispose: async () => {
        await adapter.dispose();
        await onDispose?.();
      },
    });
  };

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectTo(url),
    // The adapter's own shadow database reconnects to the main database (the connection string
    // wins over the database name) and drops the shadow while it is in use, so this creates and
    // drops one itself; the role needs CREATEDB.
    connectToShadowDb: async () => {
      const name = uniqueDatabaseName("shadow");
      const shadowUrl = await createDatabaseOn(url, name);
      return connectTo(shadowUrl, () => dropDatabaseOn(url, name));
    },
  };
}

function wrapAdapter(inner: SqlDriverAdapter, overrides: Overrides): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: overrides.queryRaw ?? ((query) => inner.queryRaw(query)),
    executeRaw: overrides.executeRaw ?? ((query) => inner.executeRaw(query)),
    executeScript: (script) => inner.executeScript(script),
    // The engine runs migrations and catalog reads outside transactions, so these pass as is.
    startTransaction: (level) => inner.startTransaction(level),
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: false },
    dispose: overrides.dispose ?? (() => inner.dispose()),
  };
}
