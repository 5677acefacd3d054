import type { Database } from "~/db.server";
import { prismaCode } from "~/services/prisma-errors.server";

export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

// P2034: PostgreSQL aborted a serializable transaction that conflicted with another one.
// P2002: a concurrent writer inserted the same unique row first; the retry will see it.
const RETRIED_CODES = new Set(["P2034", "P2002"]);
const ATTEMPTS = 4;

/** A serializable transaction, run again when it lost a race with another writer. */
export async function withRetriedTransaction<T>(
  db: Database,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(work, {
        isolationLevel: "Serializable",
        maxWait: 10_000,
        timeout: 60_000,
      });
    } catch (error) {
      const code = prismaCode(error);
      if (attempt >= ATTEMPTS || !code || !RETRIED_CODES.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
}
