import {
  BlockStack,
  Button,
  Card,
  Divider,
  InlineStack,
  ProgressBar,
  Text,
} from "@shopify/polaris";

import { useTranslation } from "~/i18n/i18n-provider";
import type { AuditRuleId } from "~/services/seo/audit-rules";

import { ruleText } from "./rule-text";
import { scoreTone } from "./score-badge";

interface CatalogSummary {
  storeScore: number | null;
  products: number;
  productsWithIssues: number;
  issues: Array<{ rule: AuditRuleId; products: number }>;
}

/** The store score and one toggle per issue, which filters the table to that issue. */
export function CatalogSummaryCard({
  summary,
  selectedIssue,
  onSelectIssue,
}: {
  summary: CatalogSummary;
  selectedIssue: AuditRuleId | undefined;
  onSelectIssue: (issue: AuditRuleId | undefined) => void;
}) {
  const { t, locale } = useTranslation();
  const count = (value: number) => value.toLocaleString(locale);
  const { storeScore, products, productsWithIssues } = summary;

  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center" gap="400">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              {t("products.summary.title")}
            </Text>
            <Text as="p" tone="subdued">
              {products === 0
                ? t("products.table.emptyCatalogBody")
                : productsWithIssues > 0
                  ? t("products.summary.needsAttention", {
                      count: count(productsWithIssues),
                      total: count(products),
                    })
                  : t("products.summary.allGood", { total: count(products) })}
            </Text>
          </BlockStack>
          <InlineStack gap="200" blockAlign="baseline">
            <Text as="p" variant="heading2xl">
              {storeScore ?? "–"}
            </Text>
            <Text as="span" tone="subdued">
              {storeScore === null ? t("products.summary.noScore") : t("products.summary.outOf")}
            </Text>
          </InlineStack>
        </InlineStack>
        {storeScore !== null && (
          <ProgressBar
            progress={storeScore}
            size="small"
            tone={scoreTone(storeScore) === "critical" ? "critical" : "primary"}
          />
        )}
        <Divider />
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            {t("products.summary.issuesTitle")}
          </Text>
          <InlineStack gap="200" wrap>
            {summary.issues.map(({ rule, products: affected }) => (
              <Button
                key={rule}
                size="slim"
                pressed={selectedIssue === rule}
                disabled={affected === 0 && selectedIssue !== rule}
                onClick={() => onSelectIssue(selectedIssue === rule ? undefined : rule)}
              >
                {t("products.summary.issueButton", {
                  label: ruleText(t, rule, "label"),
                  count: count(affected),
                })}
              </Button>
            ))}
          </InlineStack>
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
