// npm run db:migrate:deploy: applies pending migrations to DATABASE_URL, from the migrations
// folder of the provider the URL names.
import { databaseUrlFromEnv, deployMigrations, describeDatabase } from "./apply";
import { cli, say, timed } from "./cli";

cli(async () => {
  const url = databaseUrlFromEnv();
  const applied = await timed(
    `migrations deployed to ${describeDatabase(url)}`,
    () => deployMigrations(url),
    (names) => (names.length === 0 ? "nothing to apply" : `${names.length} applied`),
  );
  for (const name of applied) say(`  applied ${name}`);
  return 0;
});
