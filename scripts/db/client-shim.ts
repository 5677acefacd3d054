// @shopify/shopify-app-session-storage-prisma imports `@prisma/client`, which re-exports
// `.prisma/client/default`: the folder Prisma 6's install script and the old `prisma-client-js`
// generator used to fill. Prisma 7's `prisma-client` generator writes elsewhere, so nothing
// provides it. The package needs only `Prisma.PrismaClientKnownRequestError` at run time (to
// retry a racing upsert), which this shim takes from the same runtime the generated clients use.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { PROJECT_ROOT } from "./layout";

const RUNTIME = `"use strict";
// Written by npm run db:generate (scripts/db/client-shim.ts). The app's clients live in
// app/generated/prisma; this only serves packages that import @prisma/client.
const runtime = require("@prisma/client/runtime/client");
class PrismaClient {
  constructor() {
    throw new Error("Use the client from app/db.server.ts; @prisma/client is a shim here.");
  }
}
const Prisma = {
  PrismaClientKnownRequestError: runtime.PrismaClientKnownRequestError,
  PrismaClientUnknownRequestError: runtime.PrismaClientUnknownRequestError,
  PrismaClientValidationError: runtime.PrismaClientValidationError,
  Decimal: runtime.Decimal,
};
module.exports = { PrismaClient, Prisma };
`;

const TYPES = `// Written by npm run db:generate (scripts/db/client-shim.ts).
export declare const PrismaClient: any;
export type PrismaClient = any;
export declare const Prisma: any;
export type Session = any;
`;

export async function writeClientShim(root = PROJECT_ROOT): Promise<string> {
  const dir = path.join(root, "node_modules", ".prisma", "client");
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "default.js"), RUNTIME);
  await writeFile(path.join(dir, "default.d.ts"), TYPES);
  return dir;
}
