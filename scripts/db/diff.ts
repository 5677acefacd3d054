// Compares a migrations folder with a schema by replaying the folder on a shadow database:
// the basis of both `db:migrate:create` (the difference becomes the next migration) and
// `db:check` (any difference is drift).
import { readFile } from "node:fs/promises";

import type { DatabaseProvider } from "../../prisma/database-url";
import { openEngine } from "./engine";
import type { SchemaLayout } from "./layout";
import { lockfileContent, readMigrations } from "./migrations";

const NO_FILTERS = { externalTables: [], externalEnums: [] };

export type SchemaDiff = {
  provider: DatabaseProvider;
  changed: boolean;
  /** SQL when `script` was asked for, else the engine's readable summary. */
  output: string;
};

export async function diffMigrationsToSchema(
  layout: SchemaLayout,
  options: { script: boolean; postgresServerUrl?: string | undefined },
): Promise<SchemaDiff> {
  const schema = await readFile(layout.schemaPath, "utf8");
  const { engine, close } = await openEngine({
    provider: layout.provider,
    url: engineUrl(layout.provider, options.postgresServerUrl),
    schemaPath: layout.schemaPath,
    schema,
  });
  try {
    const migrations = await readMigrations(layout.migrationsDir);
    // Before the first migration there is no lockfile yet to name the connector.
    if (migrations.migrationDirectories.length === 0) {
      migrations.lockfile.content ??= lockfileContent(layout.provider);
    }
    const result = await engine.diff({
      from: { tag: "migrations", ...migrations },
      to: { tag: "schemaDatamodel", files: [{ path: layout.schemaPath, content: schema }] },
      script: options.script,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return {
      provider: layout.provider,
      changed: result.exitCode === 2,
      output: result.stdout ?? "",
    };
  } finally {
    await close();
  }
}

function engineUrl(provider: DatabaseProvider, postgresServerUrl: string | undefined): string {
  // On SQLite the shadow database lives in memory and the main one is never opened.
  if (provider === "sqlite") return "file::memory:";
  if (!postgresServerUrl) throw new MissingPostgresServerError();
  return postgresServerUrl;
}

export class MissingPostgresServerError extends Error {
  constructor() {
    super(
      "PostgreSQL migrations are replayed on a temporary database: set SHADOW_DATABASE_URL " +
        "(or TEST_DATABASE_URL) to a postgres:// URL whose role may CREATE DATABASE",
    );
  }
}

/** The PostgreSQL server that hosts shadow databases, if the environment names one. */
export function postgresServerUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.SHADOW_DATABASE_URL, env.TEST_DATABASE_URL, env.DATABASE_URL];
  return candidates.find((url) => url !== undefined && /^postgres(ql)?:\/\//.test(url));
}
