import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import type { inferRouterOutputs } from "@trpc/server";

import { useTranslation } from "~/i18n/i18n-provider";
import type { AppRouter } from "~/trpc/root.server";

const KNOWN_STATUSES = ["ACTIVE", "PENDING", "CANCELLED", "FROZEN", "EXPIRED", "DECLINED"] as const;

// Shopify's subscription statuses; one added later is shown as Shopify names it.
function isKnownStatus(status: string): status is (typeof KNOWN_STATUSES)[number] {
  return (KNOWN_STATUSES as readonly string[]).includes(status);
}

type AppPlan = inferRouterOutputs<AppRouter>["shop"]["info"]["appPlan"];

export function PlanCard({ plan }: { plan: AppPlan }) {
  const { t, locale } = useTranslation();
  if (!plan) return null;

  const isFree = Number(plan.price) === 0;
  const renews = new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(
    new Date(plan.nextMonthStart),
  );

  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("dashboard.plan.title")}
        </Text>
        <InlineStack gap="200" blockAlign="center">
          <Text as="p" variant="headingLg">
            {plan.name}
          </Text>
          <Badge tone={plan.status === "ACTIVE" ? "success" : "attention"}>
            {isKnownStatus(plan.status) ? t(`dashboard.plan.statuses.${plan.status}`) : plan.status}
          </Badge>
        </InlineStack>
        <Text as="p">
          {isFree
            ? t("dashboard.plan.noCharge")
            : t("dashboard.plan.price", { price: plan.price, interval: plan.intervalLabel })}
        </Text>
        <Text as="p" tone="subdued">
          {t("dashboard.plan.renews", { date: renews })}
        </Text>
      </BlockStack>
    </Card>
  );
}
