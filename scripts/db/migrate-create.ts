// npm run db:migrate:create -- <name>: writes the next migration for both providers, from the
// difference between each migrations folder and its schema. Nothing is written unless both
// providers could be compared.
import { cli, say, timed } from "./cli";
import { diffMigrationsToSchema, postgresServerUrl } from "./diff";
import { PROVIDERS, relativeToRoot, schemaLayout } from "./layout";
import { isValidMigrationName, migrationFolderName, writeMigration } from "./migrations";
import { syncPostgresSchema } from "./postgres-schema";

cli(async () => {
  const name = process.argv[2] ?? "";
  if (!isValidMigrationName(name)) {
    process.stderr.write("usage: npm run db:migrate:create -- <name> (lowercase, digits, _)\n");
    return 1;
  }

  if (await syncPostgresSchema()) say("prisma/postgresql/schema.prisma: regenerated from source");
  const serverUrl = postgresServerUrl();
  const diffs = await Promise.all(
    PROVIDERS.map((provider) =>
      timed(
        `${provider} compared`,
        () =>
          diffMigrationsToSchema(schemaLayout(provider), {
            script: true,
            postgresServerUrl: serverUrl,
          }),
        (diff) => (diff.changed ? "changes found" : "no changes"),
      ),
    ),
  );

  const changed = diffs.filter((diff) => diff.changed);
  if (changed.length === 0) {
    say("schema and migrations agree: no migration created");
    return 0;
  }
  const folder = migrationFolderName(name);
  for (const diff of changed) {
    const file = await writeMigration(
      schemaLayout(diff.provider).migrationsDir,
      folder,
      diff.provider,
      diff.output,
    );
    say(`created ${relativeToRoot(file)}`);
  }
  return 0;
});
