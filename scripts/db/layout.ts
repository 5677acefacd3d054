// Where each provider's schema and migrations live. Functions take a root so tests can point
// them at a temporary copy of the project.
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { DatabaseProvider } from "../../prisma/database-url";

export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const PROVIDERS: readonly DatabaseProvider[] = ["sqlite", "postgresql"];

export type SchemaLayout = {
  provider: DatabaseProvider;
  /** The schema file Prisma reads for this provider. */
  schemaPath: string;
  migrationsDir: string;
};

export function sourceSchemaPath(root = PROJECT_ROOT): string {
  return path.join(root, "prisma", "schema.prisma");
}

export function schemaLayout(provider: DatabaseProvider, root = PROJECT_ROOT): SchemaLayout {
  const dir =
    provider === "sqlite" ? path.join(root, "prisma") : path.join(root, "prisma", provider);
  return {
    provider,
    schemaPath: path.join(dir, "schema.prisma"),
    migrationsDir: path.join(dir, "migrations"),
  };
}

export function relativeToRoot(file: string, root = PROJECT_ROOT): string {
  return path.relative(root, file);
}
