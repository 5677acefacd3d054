import { Badge, BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import type { inferRouterOutputs } from "@trpc/server";

import { useTranslation } from "~/i18n/i18n-provider";
import type { AppRouter } from "~/trpc/root.server";

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
            {t("dashboard.plan.status", { status: plan.status })}
          </Badge>
        </InlineStack>
        <Text as="p">
          {isFree
            ? t("dashboard.plan.free")
            : t("dashboard.plan.price", { price: plan.price, interval: plan.intervalLabel })}
        </Text>
        <Text as="p" tone="subdued">
          {t("dashboard.plan.renews", { date: renews })}
        </Text>
      </BlockStack>
    </Card>
  );
}
