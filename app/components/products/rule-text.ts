import type { Translate } from "~/i18n/translate";
import { auditRule, type AuditRuleId } from "~/services/seo/audit-rules";

type RulePart = "label" | "message" | "fix";

/** A rule's locale string, filled with the rule's own limits. */
export function ruleText(t: Translate, rule: AuditRuleId, part: RulePart): string {
  return t(`products.rules.${rule}.${part}`, auditRule(rule)?.params ?? {});
}
