import { Banner, BlockStack, ProgressBar, Text } from "@shopify/polaris";

import { useTranslation } from "~/i18n/i18n-provider";
import type { SyncStatus } from "~/services/catalog/sync-status";

/** The sync while it runs (with progress), or why the last one did not finish. */
export function SyncBanner({ sync, onRetry }: { sync: SyncStatus; onRetry: () => void }) {
  const { t, locale } = useTranslation();
  const count = (value: number) => value.toLocaleString(locale);

  if (sync.state === "running") {
    const progress = sync.total ? Math.min(100, (sync.processed / sync.total) * 100) : 0;
    return (
      <Banner tone="info">
        <BlockStack gap="200">
          <Text as="p">
            {sync.total
              ? t("products.sync.running", {
                  processed: count(sync.processed),
                  total: count(sync.total),
                })
              : t("products.sync.runningNoTotal", { processed: count(sync.processed) })}
          </Text>
          <ProgressBar progress={progress} size="small" animated />
        </BlockStack>
      </Banner>
    );
  }

  const retry = { content: t("products.sync.action"), onAction: onRetry };
  if (sync.state === "failed") {
    return (
      <Banner tone="critical" action={retry}>
        <Text as="p">{t("products.sync.failed", { error: sync.error ?? "" })}</Text>
      </Banner>
    );
  }
  if (sync.state === "interrupted" || sync.state === "cancelled") {
    return (
      <Banner tone="warning" action={retry}>
        <Text as="p">{t("products.sync.interrupted")}</Text>
      </Banner>
    );
  }
  return null;
}
