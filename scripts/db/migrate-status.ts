// npm run db:migrate:status: whether DATABASE_URL has every migration of its provider applied.
// Exit code 1 when it does not.
import { databaseUrlFromEnv, describeDatabase, migrationStatus } from "./apply";
import { cli, say, timed } from "./cli";

cli(async () => {
  const url = databaseUrlFromEnv();
  const status = await timed(
    `status of ${describeDatabase(url)}`,
    () => migrationStatus(url),
    (s) =>
      s.upToDate ? "up to date" : `${s.pending.length} pending, ${s.problems.length} problems`,
  );
  for (const name of status.pending) say(`  pending ${name}`);
  for (const problem of status.problems) say(`  ${problem}`);
  if (status.pending.length > 0) say("apply them: npm run db:migrate:deploy");
  return status.upToDate ? 0 : 1;
});
