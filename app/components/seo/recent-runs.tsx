import { Link } from "@remix-run/react";
import { BlockStack, Card, InlineStack, Text } from "@shopify/polaris";
import { useQuery } from "@tanstack/react-query";

import { useTranslation } from "~/i18n/i18n-provider";
import { useTRPC } from "~/trpc/react";

import { RunStatusBadge } from "./run-status-badge";

export function RecentRuns() {
  const { t, locale } = useTranslation();
  const trpc = useTRPC();
  const runs = useQuery(trpc.seo.bulkRuns.list.queryOptions(undefined, { staleTime: 0 }));
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("templates.runs.title")}
        </Text>
        {runs.data?.length === 0 && <Text as="p">{t("templates.runs.empty")}</Text>}
        {runs.data?.map((run) => (
          <InlineStack key={run.id} gap="200" align="space-between" blockAlign="center">
            <BlockStack gap="050">
              <Text as="span">
                {t("templates.runs.summary", {
                  date: format.format(new Date(run.createdAt)),
                  count: run.total,
                })}
              </Text>
              <Link to={`/app/bulk-runs/${run.id}`}>{t("templates.runs.open")}</Link>
            </BlockStack>
            <RunStatusBadge status={run.status} />
          </InlineStack>
        ))}
      </BlockStack>
    </Card>
  );
}
