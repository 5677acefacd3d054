// npm run db:check: the generated PostgreSQL schema matches the source, and each migrations
// folder produces exactly its schema. Exit code 2 when something is out of step.
import { checkSchemas } from "./check-schemas";
import { cli, say, timed } from "./cli";
import { postgresServerUrl } from "./diff";

const SERVER_HINT = "set SHADOW_DATABASE_URL or TEST_DATABASE_URL";

cli(async () => {
  const result = await timed(
    "schemas checked",
    () => checkSchemas({ postgresServerUrl: postgresServerUrl() }),
    ({ compared }) => `${compared.join(" and ")} compared with their migrations`,
  );
  for (const provider of result.skipped) {
    say(`${provider} migrations not compared: no server to replay them on (${SERVER_HINT})`);
  }
  if (result.problems.length === 0) return 0;

  process.stderr.write(`${result.problems.join("\n\n")}\n`);
  return 2;
});
