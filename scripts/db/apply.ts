// Applies migrations to a database and reports where a database stands, recording them in the
// standard _prisma_migrations table so that stock `prisma migrate` reads the same history.
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";

import type { DiagnoseMigrationHistoryOutput } from "@prisma/schema-engine-wasm";

import { DEFAULT_DATABASE_URL, databaseProvider, sqliteFilePath } from "../../prisma/database-url";
import { openEngine, type Engine } from "./engine";
import { PROJECT_ROOT, schemaLayout } from "./layout";
import { readMigrations } from "./migrations";

const NO_FILTERS = { externalTables: [], externalEnums: [] };

export async function deployMigrations(url: string, root = PROJECT_ROOT): Promise<string[]> {
  if (databaseProvider(url) === "sqlite") await ensureSqliteDirectory(url);
  return withEngine(url, root, async ({ engine }, migrationsDir) => {
    const migrationsList = await readMigrations(migrationsDir);
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList,
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  });
}

export type MigrationStatus = {
  upToDate: boolean;
  pending: string[];
  /** Anything else that needs a person: failed, edited or unknown migrations. */
  problems: string[];
};

export async function migrationStatus(url: string, root = PROJECT_ROOT): Promise<MigrationStatus> {
  const layout = schemaLayout(databaseProvider(url), root);
  const migrationsList = await readMigrations(layout.migrationsDir);
  const all = migrationsList.migrationDirectories.map((dir) => dir.path);
  const nothingApplied = { upToDate: all.length === 0, pending: all, problems: [] };
  // Opening a SQLite file creates it; asking for the status should not.
  if (isMissingSqliteFile(url)) return nothingApplied;

  return withEngine(url, root, async ({ engine }) => {
    try {
      const output = await engine.diagnoseMigrationHistory({
        migrationsList,
        optInToShadowDatabase: false,
        filters: NO_FILTERS,
      });
      return describeHistory(output, all);
    } catch (error) {
      // On SQLite a database without the migrations table is reported as P1014.
      if (!hasCode(error, "P1014")) throw error;
      return nothingApplied;
    }
  });
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === code;
}

function describeHistory(output: DiagnoseMigrationHistoryOutput, all: string[]): MigrationStatus {
  const { history, failedMigrationNames, editedMigrationNames, hasMigrationsTable } = output;
  const problems = [
    ...failedMigrationNames.map((name) => `${name} failed`),
    ...editedMigrationNames.map((name) => `${name} was edited after it was applied`),
  ];
  let pending = hasMigrationsTable ? [] : all;
  if (history?.diagnostic === "databaseIsBehind") pending = history.unappliedMigrationNames;
  if (history?.diagnostic === "migrationsDirectoryIsBehind") {
    problems.push(`applied but not in the folder: ${history.unpersistedMigrationNames.join(", ")}`);
  }
  if (history?.diagnostic === "historiesDiverge") {
    pending = history.unappliedMigrationNames;
    problems.push(
      `histories diverge after ${history.lastCommonMigrationName ?? "the start"}; ` +
        `applied but not in the folder: ${history.unpersistedMigrationNames.join(", ")}`,
    );
  }
  return { upToDate: pending.length === 0 && problems.length === 0, pending, problems };
}

async function withEngine<T>(
  url: string,
  root: string,
  run: (engine: Engine, migrationsDir: string) => Promise<T>,
): Promise<T> {
  const layout = schemaLayout(databaseProvider(url), root);
  const engine = await openEngine({
    provider: layout.provider,
    url,
    schemaPath: layout.schemaPath,
    schema: await readFile(layout.schemaPath, "utf8"),
  });
  try {
    return await run(engine, layout.migrationsDir);
  } finally {
    await engine.close();
  }
}

function isMissingSqliteFile(url: string): boolean {
  if (databaseProvider(url) !== "sqlite") return false;
  const file = sqliteFilePath(url);
  return file !== ":memory:" && !existsSync(file);
}

async function ensureSqliteDirectory(url: string): Promise<void> {
  const file = sqliteFilePath(url);
  if (file !== ":memory:") await mkdir(path.dirname(file), { recursive: true });
}

/** DATABASE_URL as the scripts read it, with the app's default SQLite file when it is unset. */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
}

/** Names a database for progress lines without printing its credentials. */
export function describeDatabase(url: string): string {
  if (databaseProvider(url) === "sqlite") {
    const file = sqliteFilePath(url);
    const relative = path.relative(".", file);
    return `SQLite ${relative.startsWith("..") ? file : relative}`;
  }
  const { hostname, port, pathname } = new URL(url);
  return `PostgreSQL ${hostname}${port ? `:${port}` : ""}${pathname}`;
}
