// The one Prisma client of the app, opened on DATABASE_URL.
import { env } from "~/env.server";

import { createDatabase, type Database } from "./database.server";

export {
  checkDatabase,
  createDatabase,
  databaseProvider,
  disconnectDatabase,
  type Database,
  type DatabaseProvider,
} from "./database.server";

// Vite re-evaluates this module on every change in development; keeping the client on
// globalThis stops each reload from opening another pool of connections.
const globalForDatabase = globalThis as typeof globalThis & { searchlightDatabase?: Database };

export const prisma: Database =
  globalForDatabase.searchlightDatabase ?? createDatabase(env.DATABASE_URL);

if (env.NODE_ENV === "development") globalForDatabase.searchlightDatabase = prisma;
