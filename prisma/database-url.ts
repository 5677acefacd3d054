// How a DATABASE_URL selects a provider and, for SQLite, a file. Shared by app/db.server.ts and
// the scripts in scripts/db, which must not load the app's environment.
import path from "node:path";
import { fileURLToPath } from "node:url";

export type DatabaseProvider = "sqlite" | "postgresql";

export const DEFAULT_DATABASE_URL = "file:./data/dev.sqlite";

export function databaseProvider(url: string): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  // The URL itself stays out of the message: it may hold a password.
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL)");
}

/** The SQLite file a `file:` URL names, resolved against the process's working directory. */
export function sqliteFilePath(url: string): string {
  if (url.startsWith("file://")) return fileURLToPath(url);
  const [location = ""] = url.slice("file:".length).split("?");
  if (location === ":memory:") return location;
  return path.resolve(location);
}
