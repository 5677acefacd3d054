import type { Database } from "~/db.server";
import { auditProduct } from "~/services/seo/audit";

import { auditScope } from "./audit-scope.server";
import type { CatalogChange } from "./catalog-change";
import { chunks } from "./chunks";
import { withRetriedTransaction, type Transaction } from "./retried-transaction.server";

async function loadIssues(tx: Transaction, shopId: string, rowIds: string[] | "all") {
  if (rowIds === "all") {
    return tx.seoIssue.findMany({
      where: { shopId },
      select: { id: true, metaTagId: true, rule: true },
    });
  }
  const issues = [];
  for (const ids of chunks(rowIds)) {
    issues.push(
      ...(await tx.seoIssue.findMany({
        where: { shopId, metaTagId: { in: ids } },
        select: { id: true, metaTagId: true, rule: true },
      })),
    );
  }
  return issues;
}

export interface AuditOutcome {
  audited: number;
  issuesAdded: number;
  issuesResolved: number;
}

/**
 * Runs the audit over the products a change touched (or the whole catalog) and brings their
 * SeoIssue rows and scores in line with it, writing only what differs. Call it inside the
 * serializable transaction that wrote the change (see writeCatalog), so that two writers
 * re-auditing the same products at once cannot leave a stale duplicate flag behind.
 */
export async function auditInTransaction(
  tx: Transaction,
  shopId: string,
  scope: CatalogChange | "all",
): Promise<AuditOutcome> {
  const { rows, sharedTitles, sharedDescriptions } = await auditScope(tx, shopId, scope);
  if (rows.length === 0) return { audited: 0, issuesAdded: 0, issuesResolved: 0 };

  const issues = await loadIssues(tx, shopId, scope === "all" ? "all" : rows.map((row) => row.id));
  const issuesByRow = new Map<string, Map<string, string>>();
  for (const issue of issues) {
    const rules = issuesByRow.get(issue.metaTagId) ?? new Map<string, string>();
    rules.set(issue.rule, issue.id);
    issuesByRow.set(issue.metaTagId, rules);
  }

  const toCreate: Array<{ shopId: string; metaTagId: string; rule: string }> = [];
  const toDelete: string[] = [];
  const idsByScore = new Map<number, string[]>();

  for (const row of rows) {
    const result = auditProduct(row, {
      duplicateTitle: row.seoTitleKey !== null && sharedTitles.has(row.seoTitleKey),
      duplicateDescription:
        row.seoDescriptionKey !== null && sharedDescriptions.has(row.seoDescriptionKey),
    });
    const existing = issuesByRow.get(row.id) ?? new Map<string, string>();
    for (const rule of result.failed) {
      if (!existing.has(rule)) toCreate.push({ shopId, metaTagId: row.id, rule });
    }
    const failed = new Set<string>(result.failed);
    for (const [rule, issueId] of existing) if (!failed.has(rule)) toDelete.push(issueId);
    if (row.auditScore !== result.score) {
      const ids = idsByScore.get(result.score) ?? [];
      ids.push(row.id);
      idsByScore.set(result.score, ids);
    }
  }

  for (const ids of chunks(toDelete)) {
    await tx.seoIssue.deleteMany({ where: { id: { in: ids } } });
  }
  for (const data of chunks(toCreate)) await tx.seoIssue.createMany({ data });
  for (const [score, rowIds] of idsByScore) {
    for (const ids of chunks(rowIds)) {
      await tx.metaTag.updateMany({ where: { id: { in: ids } }, data: { auditScore: score } });
    }
  }
  return { audited: rows.length, issuesAdded: toCreate.length, issuesResolved: toDelete.length };
}

/** The audit in a transaction of its own, for changes already written. */
export function auditCatalog(
  db: Database,
  shopId: string,
  scope: CatalogChange | "all",
): Promise<AuditOutcome> {
  return withRetriedTransaction(db, (tx) => auditInTransaction(tx, shopId, scope));
}
