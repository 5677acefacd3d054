import { AUDIT_RULES, type AuditContext, type AuditInput, type AuditRuleId } from "./audit-rules";

export interface AuditResult {
  /** The ids of the rules the product fails, in the rules' order. */
  failed: AuditRuleId[];
  /** 0 to 100: 100 minus the weights of the failed rules. */
  score: number;
}

export function auditProduct(product: AuditInput, context: AuditContext): AuditResult {
  const failed = AUDIT_RULES.filter((rule) => rule.fails(product, context));
  const lost = failed.reduce((sum, rule) => sum + rule.weight, 0);
  return { failed: failed.map((rule) => rule.id), score: Math.max(0, 100 - lost) };
}

/**
 * The store's score: the mean of its products' scores, so each product counts once whatever its
 * problems and fixing any product moves it. Null for a catalog with nothing audited yet.
 */
export function storeScore(averageProductScore: number | null): number | null {
  return averageProductScore === null ? null : Math.round(averageProductScore);
}
