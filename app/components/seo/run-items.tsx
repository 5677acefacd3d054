import { Link } from "@remix-run/react";
import { BlockStack, Button, Card, DataTable, InlineStack, Text } from "@shopify/polaris";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { useTranslation } from "~/i18n/i18n-provider";
import { legacyProductId } from "~/services/catalog/mirror-fields";
import { ITEM_STATUSES, type ItemStatus } from "~/services/seo/bulk/run-status";
import { useTRPC } from "~/trpc/react";

const PAGE_SIZE = 50;
const POLL_MS = 2_000;

function SeoPair(props: { title: string | null; description: string | null }) {
  return (
    <BlockStack gap="050">
      {props.title && <Text as="span">{props.title}</Text>}
      {props.description && (
        <Text as="span" tone="subdued" variant="bodySm">
          {props.description}
        </Text>
      )}
    </BlockStack>
  );
}

/** The run's products page by page, with what each had before and was given. */
export function RunItems({ runId, live }: { runId: string; live: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [afterPosition, setAfterPosition] = useState<number | null>(null);
  const page = useQuery(
    trpc.seo.bulkRuns.items.queryOptions(
      { runId, afterPosition, take: PAGE_SIZE },
      { staleTime: 0, refetchInterval: live ? POLL_MS : false },
    ),
  );
  const statusLabel = (status: string) =>
    (ITEM_STATUSES as readonly string[]).includes(status)
      ? t(`bulkRun.items.statuses.${status as ItemStatus}`)
      : status;

  const rows = (page.data?.items ?? []).map((item) => [
    <Link key="product" to={`/app/products/${legacyProductId(item.resourceId)}`}>
      {legacyProductId(item.resourceId)}
    </Link>,
    statusLabel(item.status),
    <SeoPair
      key="before"
      title={item.previousSeoTitle}
      description={item.previousSeoDescription}
    />,
    <SeoPair key="after" title={item.newSeoTitle} description={item.newSeoDescription} />,
    item.error ?? "",
  ]);

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("bulkRun.items.title")}
        </Text>
        {rows.length === 0 && page.data ? (
          <Text as="p">{t("bulkRun.items.empty")}</Text>
        ) : (
          <DataTable
            columnContentTypes={["text", "text", "text", "text", "text"]}
            headings={[
              t("bulkRun.items.product"),
              t("bulkRun.items.status"),
              t("bulkRun.items.before"),
              t("bulkRun.items.after"),
              t("bulkRun.items.note"),
            ]}
            rows={rows}
            verticalAlign="top"
          />
        )}
        <InlineStack gap="200">
          {afterPosition !== null && (
            <Button onClick={() => setAfterPosition(null)}>{t("bulkRun.items.first")}</Button>
          )}
          {page.data?.nextPosition != null && (
            <Button onClick={() => setAfterPosition(page.data?.nextPosition ?? null)}>
              {t("bulkRun.items.next")}
            </Button>
          )}
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
