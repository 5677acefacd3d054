import type { Database } from "~/db.server";
import { storeScore } from "~/services/seo/audit";
import { AUDIT_RULE_IDS, type AuditRuleId } from "~/services/seo/audit-rules";

import { PRODUCT_RESOURCE } from "./mirror-fields";
import { syncStatus } from "./sync-status";

/** The numbers above the Products table: store score, products per issue, and the sync. */
export async function catalogSummary(db: Database, shopId: string) {
  const products = { shopId, resourceType: PRODUCT_RESOURCE };
  const [scores, withIssues, issueGroups, sync] = await Promise.all([
    db.metaTag.aggregate({ where: products, _avg: { auditScore: true }, _count: { _all: true } }),
    // Every rule takes points off, so a product has issues exactly when it scores under 100.
    db.metaTag.count({ where: { ...products, auditScore: { lt: 100 } } }),
    db.seoIssue.groupBy({ by: ["rule"], where: { shopId }, _count: { _all: true } }),
    db.catalogSync.findUnique({ where: { shopId } }),
  ]);

  const counts = new Map(issueGroups.map((group) => [group.rule, group._count._all]));
  return {
    storeScore: storeScore(scores._avg.auditScore),
    products: scores._count._all,
    productsWithIssues: withIssues,
    issues: AUDIT_RULE_IDS.map((rule: AuditRuleId) => ({ rule, products: counts.get(rule) ?? 0 })),
    sync: syncStatus(sync),
  };
}
