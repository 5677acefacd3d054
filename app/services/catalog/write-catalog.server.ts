import type { Database } from "~/db.server";

import { auditInTransaction, type AuditOutcome } from "./audit-catalog.server";
import type { CatalogChange } from "./catalog-change";
import { withRetriedTransaction, type Transaction } from "./retried-transaction.server";

/**
 * Writes to the mirror and re-audits what the write touched in one serializable transaction
 * (retried on conflict): a reader never sees new SEO values with the old issues, and a crash
 * cannot leave them apart.
 */
export function writeCatalog<Change extends CatalogChange>(
  db: Database,
  shopId: string,
  write: (tx: Transaction) => Promise<Change>,
): Promise<{ change: Change; audit: AuditOutcome }> {
  return withRetriedTransaction(db, async (tx) => {
    const change = await write(tx);
    const audit = await auditInTransaction(tx, shopId, change);
    return { change, audit };
  });
}
