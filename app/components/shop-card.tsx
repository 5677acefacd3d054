import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import type { inferRouterOutputs } from "@trpc/server";

import { useTranslation } from "~/i18n/i18n-provider";
import type { AppRouter } from "~/trpc/root.server";

type ShopInfo = inferRouterOutputs<AppRouter>["shop"]["info"];

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <InlineStack gap="400" wrap={false} align="space-between">
      <Text as="span" tone="subdued">
        {label}
      </Text>
      <Text as="span">{value}</Text>
    </InlineStack>
  );
}

export function ShopCard({ shop }: { shop: ShopInfo }) {
  const { t } = useTranslation();
  const unknown = t("dashboard.shop.unknown");

  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {shop.name ?? unknown}
          </Text>
          {shop.plan.developmentStore && <Badge>{t("dashboard.shop.developmentStore")}</Badge>}
          {shop.plan.plus && <Badge tone="info">{t("dashboard.shop.plus")}</Badge>}
        </InlineStack>
        <Detail label={t("dashboard.shop.email")} value={shop.email ?? unknown} />
        <Detail label={t("dashboard.shop.myshopifyDomain")} value={shop.domains.myshopify} />
        <Detail
          label={t("dashboard.shop.primaryDomain")}
          value={shop.domains.primary.host ?? unknown}
        />
        <Detail label={t("dashboard.shop.shopifyPlan")} value={shop.plan.displayName ?? unknown} />
        <Detail label={t("dashboard.shop.currency")} value={shop.currencyCode ?? unknown} />
        <Detail label={t("dashboard.shop.timezone")} value={shop.ianaTimezone ?? unknown} />
      </BlockStack>
    </Card>
  );
}
