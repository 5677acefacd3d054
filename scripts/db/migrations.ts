// Reads and writes migrations folders in the layout `prisma migrate` uses, so the stock CLI and
// this project's scripts agree on them.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import type { MigrationList } from "@prisma/schema-engine-wasm";

import type { DatabaseProvider } from "../../prisma/database-url";

const LOCKFILE = "migration_lock.toml";
const SCRIPT = "migration.sql";

export async function readMigrations(migrationsDir: string): Promise<MigrationList> {
  const entries = existsSync(migrationsDir)
    ? await readdir(migrationsDir, { withFileTypes: true })
    : [];
  const directories = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockPath = path.join(migrationsDir, LOCKFILE);

  return {
    baseDir: migrationsDir,
    lockfile: {
      path: LOCKFILE,
      content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      directories.map(async (name) => {
        const file = path.join(migrationsDir, name, SCRIPT);
        const content = existsSync(file)
          ? { tag: "ok" as const, value: await readFile(file, "utf8") }
          : { tag: "error" as const, value: `${file} is missing` };
        return { path: name, migrationFile: { path: SCRIPT, content } };
      }),
    ),
  };
}

/** A folder name like `20261203190412_add_templates`: UTC time, then the given name. */
export function migrationFolderName(name: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  return `${stamp}_${name}`;
}

export function isValidMigrationName(name: string): boolean {
  return /^[a-z0-9][a-z0-9_]*$/.test(name) && name.length <= 100;
}

export async function writeMigration(
  migrationsDir: string,
  folder: string,
  provider: DatabaseProvider,
  script: string,
): Promise<string> {
  const dir = path.join(migrationsDir, folder);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, SCRIPT);
  await writeFile(file, script.endsWith("\n") ? script : `${script}\n`);
  await writeFile(path.join(migrationsDir, LOCKFILE), lockfileContent(provider));
  return file;
}

export function lockfileContent(provider: DatabaseProvider): string {
  return (
    "# Written by npm run db:migrate:create; prisma migrate checks the provider below.\n" +
    `provider = "${provider}"\n`
  );
}
