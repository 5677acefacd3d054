import { Banner, Button, Layout, Page, SkeletonBodyText, Card } from "@shopify/polaris";
import { useQuery } from "@tanstack/react-query";

import { PlanCard } from "~/components/plan-card";
import { ShopCard } from "~/components/shop-card";
import { useTranslation } from "~/i18n/i18n-provider";
import { useTRPC } from "~/trpc/react";

export default function Dashboard() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const shopInfo = useQuery(trpc.shop.info.queryOptions());

  return (
    <Page title={t("dashboard.title")}>
      <Layout>
        {shopInfo.isError && (
          <Layout.Section>
            <Banner tone="critical" title={t("dashboard.loadError")}>
              <Button onClick={() => shopInfo.refetch()}>{t("dashboard.retry")}</Button>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          {shopInfo.data ? (
            <ShopCard shop={shopInfo.data} />
          ) : (
            <Card>
              <SkeletonBodyText lines={6} />
            </Card>
          )}
        </Layout.Section>
        <Layout.Section variant="oneThird">
          {shopInfo.data ? (
            <PlanCard plan={shopInfo.data.appPlan} />
          ) : (
            <Card>
              <SkeletonBodyText lines={3} />
            </Card>
          )}
        </Layout.Section>
      </Layout>
    </Page>
  );
}
