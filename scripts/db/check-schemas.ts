// The checks behind `npm run db:check`, as a function the tests can run on a copy of the project.
import type { DatabaseProvider } from "../../prisma/database-url";
import { diffMigrationsToSchema } from "./diff";
import { PROJECT_ROOT, PROVIDERS, relativeToRoot, schemaLayout } from "./layout";
import { isPostgresSchemaFresh } from "./postgres-schema";

export type SchemaCheck = {
  /** What is out of step, one readable paragraph each; empty when all is in order. */
  problems: string[];
  /** Providers compared with their migrations; PostgreSQL needs a server to replay them on. */
  compared: DatabaseProvider[];
  skipped: DatabaseProvider[];
};

export async function checkSchemas(options: {
  root?: string;
  postgresServerUrl?: string | undefined;
}): Promise<SchemaCheck> {
  const root = options.root ?? PROJECT_ROOT;
  const problems: string[] = [];
  if (!(await isPostgresSchemaFresh(root))) {
    const file = relativeToRoot(schemaLayout("postgresql", root).schemaPath, root);
    problems.push(`${file} is out of date with prisma/schema.prisma: run npm run db:generate`);
  }

  const compared = PROVIDERS.filter((p) => p === "sqlite" || options.postgresServerUrl);
  const diffs = await Promise.all(
    compared.map((provider) =>
      diffMigrationsToSchema(schemaLayout(provider, root), {
        script: false,
        postgresServerUrl: options.postgresServerUrl,
      }),
    ),
  );
  for (const diff of diffs.filter((d) => d.changed)) {
    const layout = schemaLayout(diff.provider, root);
    problems.push(
      `${relativeToRoot(layout.schemaPath, root)} does not match what ` +
        `${relativeToRoot(layout.migrationsDir, root)} builds; the schema needs:\n` +
        `${indent(diff.output.trim())}\n` +
        "Create a migration for it: npm run db:migrate:create -- <name>",
    );
  }
  const skipped = PROVIDERS.filter((p) => !compared.includes(p));
  return { problems, compared, skipped };
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}
