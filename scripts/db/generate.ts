// npm run db:generate: writes the PostgreSQL schema from the source, then both Prisma clients
// and the @prisma/client shim.
import { writeClientShim } from "./client-shim";
import { cli, say, timed } from "./cli";
import { PROVIDERS, relativeToRoot, schemaLayout } from "./layout";
import { syncPostgresSchema } from "./postgres-schema";
import { runPrisma } from "./prisma-cli";

cli(async () => {
  const changed = await syncPostgresSchema();
  const { schemaPath } = schemaLayout("postgresql");
  say(`${relativeToRoot(schemaPath)}: ${changed ? "written" : "up to date"}`);

  await Promise.all(
    PROVIDERS.map((provider) =>
      timed(`${provider} client generated`, () =>
        runPrisma(["generate", "--schema", schemaLayout(provider).schemaPath]),
      ),
    ),
  );
  const shim = await writeClientShim();
  say(`${relativeToRoot(shim)}: shim for packages that import @prisma/client`);
  return 0;
});
