// app/db.server.ts hands out the PostgreSQL client under the SQLite client's type. TypeScript
// cannot relate the two generated client classes directly, so this pins down what makes the
// cast sound: the same rows come back, and every argument the SQLite client accepts, the
// PostgreSQL client accepts too. `npm run typecheck` enforces these; at run time they are empty.
import { expectTypeOf, it } from "vitest";

import type { Prisma as Postgres } from "~/generated/prisma/postgresql/client";
import type * as PostgresRows from "~/generated/prisma/postgresql/client";
import type { Prisma as Sqlite } from "~/generated/prisma/sqlite/client";
import type * as SqliteRows from "~/generated/prisma/sqlite/client";

it("generates the same rows for both providers", () => {
  expectTypeOf<PostgresRows.Session>().toEqualTypeOf<SqliteRows.Session>();
  expectTypeOf<PostgresRows.Shop>().toEqualTypeOf<SqliteRows.Shop>();
  expectTypeOf<PostgresRows.ActivePlan>().toEqualTypeOf<SqliteRows.ActivePlan>();
  expectTypeOf<PostgresRows.MetaTag>().toEqualTypeOf<SqliteRows.MetaTag>();
});

it("accepts on PostgreSQL every argument the SQLite client takes", () => {
  expectTypeOf<Sqlite.ShopCreateInput>().toExtend<Postgres.ShopCreateInput>();
  expectTypeOf<Sqlite.ShopWhereInput>().toExtend<Postgres.ShopWhereInput>();
  expectTypeOf<Sqlite.ActivePlanUpdateInput>().toExtend<Postgres.ActivePlanUpdateInput>();
  expectTypeOf<Sqlite.MetaTagWhereInput>().toExtend<Postgres.MetaTagWhereInput>();
  expectTypeOf<Sqlite.MetaTagCreateManyInput>().toExtend<Postgres.MetaTagCreateManyInput>();
  expectTypeOf<Sqlite.SessionUpsertArgs>().toExtend<Postgres.SessionUpsertArgs>();
});
