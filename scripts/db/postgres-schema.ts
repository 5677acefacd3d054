// Derives the PostgreSQL schema from the SQLite source: the datasource provider and client output
// change, and fields gain PostgreSQL-only attributes, from a rule per type or from a trailing
// `// @postgresql <attributes>` comment on the field.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { PROJECT_ROOT, schemaLayout, sourceSchemaPath } from "./layout";

const SOURCE = "prisma/schema.prisma";

const HEADER = `// Generated from ${SOURCE} by npm run db:generate; edit the source instead.`;

// Prisma maps DateTime to `timestamp(3)` on PostgreSQL; with a time zone the column holds an
// absolute instant, so raw SQL and psql sessions read the same UTC time whatever their TimeZone.
const ATTRIBUTES_BY_TYPE: Record<string, string> = {
  DateTime: "@db.Timestamptz(3)",
};

const DIRECTIVE = /\s*\/\/\s*@postgresql\s+(.+)$/;
const FIELD = /^(\s+\w+\s+)(\w+)(\?|\[\])?(.*)$/;
const BLOCK_START = /^(model|datasource|generator|enum|view|type)\s+\w+\s*\{/;

export function renderPostgresSchema(source: string): string {
  let block = "";
  const lines = source.split("\n").map((line) => {
    const start = BLOCK_START.exec(line);
    if (start) block = start[1] ?? "";
    else if (line.startsWith("}")) block = "";

    if (block === "datasource")
      return line.replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"');
    if (block === "generator")
      return line.replace(/(output\s*=\s*)"([^"]+)"/, (_, key, out) => {
        return `${key}"${postgresOutput(out)}"`;
      });
    if (block === "model") return withPostgresAttributes(line);
    return line;
  });
  return `${HEADER}\n${lines.join("\n")}`;
}

function postgresOutput(sqliteOutput: string): string {
  if (!sqliteOutput.endsWith("/sqlite")) {
    throw new Error(`${SOURCE}: the generator output must end in /sqlite, found "${sqliteOutput}"`);
  }
  // The generated schema sits one folder deeper than the source.
  const target = path.posix.join("prisma", sqliteOutput.replace(/sqlite$/, "postgresql"));
  return path.posix.relative("prisma/postgresql", target);
}

function withPostgresAttributes(line: string): string {
  const directive = DIRECTIVE.exec(line);
  const field = line.replace(DIRECTIVE, "");
  if (directive) return `${field} ${directive[1]?.trim()}`;

  const match = FIELD.exec(field);
  if (!match || field.includes("@db.")) return line;
  const [, name = "", type = "", modifier = "", rest = ""] = match;
  const attribute = ATTRIBUTES_BY_TYPE[type];
  if (!attribute) return line;

  // A field without attributes of its own gets the attribute at the usual column.
  if (rest.trim() === "") return `${name}${`${type}${modifier}`.padEnd(9)} ${attribute}`;
  const comment = field.indexOf("//");
  if (comment === -1) return `${field.trimEnd()} ${attribute}`;
  return `${field.slice(0, comment).trimEnd()} ${attribute} ${field.slice(comment)}`;
}

/** Writes the PostgreSQL schema from the source; returns whether the file changed. */
export async function syncPostgresSchema(root = PROJECT_ROOT): Promise<boolean> {
  const { schemaPath } = schemaLayout("postgresql", root);
  const expected = await expectedPostgresSchema(root);
  if ((await currentContent(schemaPath)) === expected) return false;
  await mkdir(path.dirname(schemaPath), { recursive: true });
  await writeFile(schemaPath, expected);
  return true;
}

export async function isPostgresSchemaFresh(root = PROJECT_ROOT): Promise<boolean> {
  const { schemaPath } = schemaLayout("postgresql", root);
  return (await currentContent(schemaPath)) === (await expectedPostgresSchema(root));
}

async function expectedPostgresSchema(root: string): Promise<string> {
  return renderPostgresSchema(await readFile(sourceSchemaPath(root), "utf8"));
}

async function currentContent(file: string): Promise<string | undefined> {
  return existsSync(file) ? readFile(file, "utf8") : undefined;
}
