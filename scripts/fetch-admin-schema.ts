/**
 * Refreshes the Admin GraphQL schema snapshot the emulator validates against.
 *
 * Shopify publishes introspection results for each Admin API version inside the
 * `@shopify/dev-mcp` package. That package is far too heavy to depend on, so this script
 * packs the pinned version into a temporary folder, takes the one schema file out of the
 * tarball and writes it next to a note of where it came from.
 *
 *   npm run schema:admin                 # the pinned API version
 *   npm run schema:admin -- 2027-01      # another version published by the same package
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type IntrospectionQuery } from "graphql";

const PACKAGE_NAME = "@shopify/dev-mcp";
const PACKAGE_VERSION = "1.16.0";
const DEFAULT_API_VERSION = "2026-10";

const schemaDir = fileURLToPath(new URL("../emulator/shopify/schema/", import.meta.url));

type PackResult = { filename: string; integrity: string; files: Array<{ path: string }> };

function packTarball(destination: string): PackResult {
  const output = execFileSync(
    "npm",
    ["pack", `${PACKAGE_NAME}@${PACKAGE_VERSION}`, "--json", "--pack-destination", destination],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  const [result] = JSON.parse(output) as PackResult[];
  if (!result) throw new Error(`npm pack returned no tarball for ${PACKAGE_NAME}`);
  return result;
}

function readOctal(block: Buffer, start: number, length: number): number {
  const text = block
    .toString("ascii", start, start + length)
    .replace(/\0.*$/s, "")
    .trim();
  return text === "" ? 0 : parseInt(text, 8);
}

function readString(block: Buffer, start: number, length: number): string {
  return block.toString("utf8", start, start + length).replace(/\0.*$/s, "");
}

/** Path overrides from a pax extended header ("<len> path=<value>\n" records). */
function paxPath(data: Buffer): string | undefined {
  const match = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString("utf8"));
  return match?.[1];
}

/** Finds one regular file in an uncompressed tar archive. */
function extractFromTar(tar: Buffer, wanted: string): Buffer | undefined {
  let offset = 0;
  let nextPath: string | undefined;

  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return undefined;

    const size = readOctal(header, 124, 12);
    const type = String.fromCharCode(header[156] ?? 0);
    const prefix = readString(header, 345, 155);
    const name = readString(header, 0, 100);
    const path = nextPath ?? (prefix ? `${prefix}/${name}` : name);
    const data = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;

    if (type === "x") {
      nextPath = paxPath(data);
      continue;
    }
    nextPath = undefined;
    if ((type === "0" || type === "\0") && path === wanted) return data;
  }
  return undefined;
}

function main(): void {
  const apiVersion = process.argv[2] ?? DEFAULT_API_VERSION;
  if (!/^\d{4}-\d{2}$/.test(apiVersion)) {
    throw new Error(`API version must look like 2026-10, got "${apiVersion}"`);
  }
  const fileInPackage = `dist/data/admin_${apiVersion}.json.gz`;
  const workDir = mkdtempSync(join(tmpdir(), "admin-schema-"));

  try {
    const pack = packTarball(workDir);
    if (!pack.files.some((file) => file.path === fileInPackage)) {
      throw new Error(`${PACKAGE_NAME}@${PACKAGE_VERSION} does not contain ${fileInPackage}`);
    }

    const tar = gunzipSync(readFileSync(join(workDir, pack.filename)));
    const schemaGz = extractFromTar(tar, `package/${fileInPackage}`);
    if (!schemaGz) throw new Error(`${fileInPackage} not found inside ${pack.filename}`);

    const introspection = JSON.parse(gunzipSync(schemaGz).toString("utf8")) as {
      data: IntrospectionQuery;
    };
    const typeCount = Object.keys(buildClientSchema(introspection.data).getTypeMap()).length;

    const target = join(schemaDir, `admin-${apiVersion}.json.gz`);
    writeFileSync(target, schemaGz);
    const sha256 = createHash("sha256").update(schemaGz).digest("hex");
    writeFileSync(join(schemaDir, "SOURCE.md"), sourceNote({ apiVersion, pack, sha256 }));

    process.stdout.write(
      `wrote ${target} (${schemaGz.length} bytes, ${typeCount} types) from ` +
        `${PACKAGE_NAME}@${PACKAGE_VERSION}\n`,
    );
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function sourceNote(input: { apiVersion: string; pack: PackResult; sha256: string }): string {
  const today = new Date().toISOString().slice(0, 10);
  return [
    "# Admin GraphQL schema snapshot",
    "",
    `- file: \`admin-${input.apiVersion}.json.gz\` (introspection result, gzipped)`,
    `- package: \`${PACKAGE_NAME}@${PACKAGE_VERSION}\` from the npm registry`,
    `- path in the package: \`dist/data/admin_${input.apiVersion}.json.gz\``,
    `- package integrity: \`${input.pack.integrity}\``,
    `- file sha256: \`${input.sha256}\``,
    `- taken on: ${today}`,
    "",
    "Written by `npm run schema:admin` (scripts/fetch-admin-schema.ts); do not edit by hand.",
    "See docs/decisions/004-admin-schema-snapshot.md.",
    "",
  ].join("\n");
}

main();
