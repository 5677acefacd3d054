// Fresh, migrated databases for integration and end-to-end tests: a SQLite file in a temporary
// folder always, and a database of its own on the server in TEST_DATABASE_URL for PostgreSQL.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import type { DatabaseProvider } from "../../../prisma/database-url";
import { deployMigrations } from "../../../scripts/db/apply";
import {
  createDatabaseOn,
  dropDatabaseOn,
  uniqueDatabaseName,
} from "../../../scripts/db/postgres-admin";

export type TestDatabaseProvider = DatabaseProvider;

export interface TestDatabase {
  url: string;
  /** Deletes the database; disconnect its clients first on SQLite. */
  drop(): Promise<void>;
}

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL names a server. */
export function testDatabaseProviders(): TestDatabaseProvider[] {
  return process.env.TEST_DATABASE_URL ? ["sqlite", "postgresql"] : ["sqlite"];
}

/** A new database with every migration applied. */
export async function createTestDatabase(provider: TestDatabaseProvider): Promise<TestDatabase> {
  const database = await createEmptyTestDatabase(provider);
  try {
    await deployMigrations(database.url);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}

/** A new database with nothing in it, for tests of the migrations themselves. */
export async function createEmptyTestDatabase(
  provider: TestDatabaseProvider,
): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = await mkdtemp(path.join(tmpdir(), "searchlight-db-"));
    return {
      url: `file:${path.join(dir, "test.sqlite")}`,
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }

  const server = postgresTestServer();
  const name = uniqueDatabaseName("searchlight_test");
  const url = await createDatabaseOn(server, name);
  return { url, drop: () => dropDatabaseOn(server, name) };
}

export function postgresTestServer(): string {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error("PostgreSQL tests need TEST_DATABASE_URL (postgres://...)");
  return server;
}
