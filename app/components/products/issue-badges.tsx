import { Badge, InlineStack, Text, Tooltip } from "@shopify/polaris";

import { useTranslation } from "~/i18n/i18n-provider";
import { AUDIT_RULES, type AuditRuleId } from "~/services/seo/audit-rules";

import { ruleText } from "./rule-text";

const SHOWN = 2;

// The costliest problems first, the way a merchant should fix them.
const BY_WEIGHT = [...AUDIT_RULES].sort((a, b) => b.weight - a.weight).map((rule) => rule.id);

/**
 * A row's failed rules as badges: the first two by name (the issue the table is filtered by
 * leads, then the costliest), the rest as a count with a tooltip.
 */
export function IssueBadges({ issues, lead }: { issues: string[]; lead?: AuditRuleId }) {
  const { t } = useTranslation();
  const failed = new Set(issues);
  const known = BY_WEIGHT.filter((rule) => failed.has(rule)).sort(
    (a, b) => Number(b === lead) - Number(a === lead),
  );
  if (known.length === 0) {
    return <Badge tone="success">{t("products.table.noIssues")}</Badge>;
  }

  const hidden = known.slice(SHOWN);
  return (
    <InlineStack gap="100" wrap>
      {known.slice(0, SHOWN).map((rule) => (
        <Badge key={rule} tone="attention">
          {ruleText(t, rule, "label")}
        </Badge>
      ))}
      {hidden.length > 0 && (
        <Tooltip content={hidden.map((rule) => ruleText(t, rule, "label")).join(", ")}>
          <Text as="span" tone="subdued" variant="bodySm">
            {t("products.table.moreIssues", { count: hidden.length })}
          </Text>
        </Tooltip>
      )}
    </InlineStack>
  );
}
