import { describe, expect, it } from "vitest";

import { renderPostgresSchema } from "../../../scripts/db/postgres-schema";

const SOURCE = `generator client {
  provider = "prisma-client"
  output   = "../app/generated/prisma/sqlite"
}

datasource db {
  provider = "sqlite"
}

model Plan {
  id        String    @id
  price     Decimal   @default(0) // @postgresql @db.Decimal(12, 2)
  startsOn  DateTime
  endsOn    DateTime? // when the plan ends
  createdAt DateTime  @default(now())
}
`;

describe("renderPostgresSchema", () => {
  const rendered = renderPostgresSchema(SOURCE);
  const lines = rendered.split("\n");

  it("says on its first line that it is generated, and from what", () => {
    expect(lines[0]).toMatch(/^\/\/ Generated from prisma\/schema\.prisma by npm run db:generate/);
  });

  it("swaps the datasource provider and leaves the generator's alone", () => {
    expect(rendered).toContain('provider = "postgresql"');
    expect(rendered).toContain('provider = "prisma-client"');
    expect(rendered).not.toContain('"sqlite"');
  });

  it("points the client output at the PostgreSQL folder, relative to the new file", () => {
    expect(rendered).toContain('output   = "../../app/generated/prisma/postgresql"');
  });

  it("moves a field's @postgresql attributes onto the field", () => {
    expect(rendered).toContain("price     Decimal   @default(0) @db.Decimal(12, 2)");
    expect(rendered).not.toContain("@postgresql");
  });

  it("stores every DateTime with its time zone, keeping comments and defaults", () => {
    expect(rendered).toContain("startsOn  DateTime  @db.Timestamptz(3)");
    expect(rendered).toContain("endsOn    DateTime? @db.Timestamptz(3) // when the plan ends");
    expect(rendered).toContain("createdAt DateTime  @default(now()) @db.Timestamptz(3)");
  });
});
