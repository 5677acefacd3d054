import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { checkSchemas } from "../../../scripts/db/check-schemas";
import { postgresServerUrl } from "../../../scripts/db/diff";
import { PROJECT_ROOT, sourceSchemaPath } from "../../../scripts/db/layout";
import { syncPostgresSchema } from "../../../scripts/db/postgres-schema";

const serverUrl = postgresServerUrl();
const providers = serverUrl ? ["sqlite", "postgresql"] : ["sqlite"];

describe("db:check", () => {
  it("finds the schemas and migrations of the project in step", async () => {
    const result = await checkSchemas({ postgresServerUrl: serverUrl });

    expect(result.problems).toEqual([]);
    expect(result.compared).toEqual(providers);
  });

  describe("on a copy whose schema gained a model", () => {
    let root: string;

    beforeAll(async () => {
      root = await mkdtemp(path.join(tmpdir(), "searchlight-drift-"));
      for (const dir of ["prisma", "scripts/db"]) {
        await cp(path.join(PROJECT_ROOT, dir), path.join(root, dir), { recursive: true });
      }
      await symlink(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"));
      const source = await readFile(sourceSchemaPath(root), "utf8");
      const extra = "\nmodel Keyword {\n  id   String @id\n  term String\n}\n";
      await writeFile(sourceSchemaPath(root), source + extra);
    });

    afterAll(async () => {
      await rm(root, { recursive: true, force: true });
    });

    it("fails the db:check command with exit code 2 and the reasons", () => {
      const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/db/check.ts"], {
        cwd: root,
        env: { ...process.env, SHADOW_DATABASE_URL: serverUrl ?? "" },
        encoding: "utf8",
      });

      expect(run.status).toBe(2);
      expect(run.stderr).toContain("prisma/postgresql/schema.prisma is out of date");
      expect(run.stderr).toContain("Keyword");
    });

    it("reports the generated schema as stale", async () => {
      const { problems } = await checkSchemas({ root, postgresServerUrl: serverUrl });

      expect(problems[0]).toContain("prisma/postgresql/schema.prisma is out of date");
    });

    it("reports each provider's migrations as behind their schema", async () => {
      await syncPostgresSchema(root);

      const { problems } = await checkSchemas({ root, postgresServerUrl: serverUrl });

      expect(problems).toHaveLength(providers.length);
      for (const problem of problems) {
        expect(problem).toMatch(/does not match what prisma\/(postgresql\/)?migrations builds/);
        expect(problem).toContain("Keyword");
        expect(problem).toContain("npm run db:migrate:create");
      }
    });
  });
});
