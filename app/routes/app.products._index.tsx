import { useAppBridge } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Button, Card, Layout, Page, SkeletonBodyText } from "@shopify/polaris";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { CatalogSummaryCard } from "~/components/products/catalog-summary-card";
import { ProductsTable } from "~/components/products/products-table";
import { SyncBanner } from "~/components/products/sync-banner";
import { useProductListState } from "~/components/products/use-product-list-state";
import { useTranslation } from "~/i18n/i18n-provider";
import { useTRPC } from "~/trpc/react";

// While a sync runs the page follows it: progress every 2 s, new rows every 4 s. Coming back to
// the page always refreshes (an edit elsewhere may have changed scores); cached rows show
// meanwhile.
const SYNC_POLL_MS = 2_000;
const LIST_POLL_MS = 4_000;

export default function Products() {
  const { t, locale } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const shopify = useAppBridge();
  const state = useProductListState();

  const summary = useQuery({
    ...trpc.products.summary.queryOptions(),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.sync.state === "running" ? SYNC_POLL_MS : false),
  });
  const syncState = summary.data?.sync.state;
  const list = useQuery({
    ...trpc.products.list.queryOptions(state.input),
    staleTime: 0,
    placeholderData: keepPreviousData,
    refetchInterval: syncState === "running" ? LIST_POLL_MS : false,
  });

  const startSync = useMutation(
    trpc.products.sync.start.mutationOptions({
      onSuccess: ({ started }) => {
        shopify.toast.show(t(started ? "products.sync.started" : "products.sync.alreadyRunning"));
        return queryClient.invalidateQueries({ queryKey: trpc.products.summary.queryKey() });
      },
      onError: (error) => {
        shopify.toast.show(t("products.sync.startError", { message: error.message }), {
          isError: true,
        });
      },
    }),
  );

  // Once a sync ends, every list and count on the page is out of date.
  const previousState = useRef(syncState);
  useEffect(() => {
    if (previousState.current === "running" && syncState !== "running") {
      void queryClient.invalidateQueries({ queryKey: trpc.products.pathKey() });
    }
    previousState.current = syncState;
  }, [syncState, queryClient, trpc]);

  // A shop installed before the catalog existed has never been read: read it on first visit.
  const { mutate: sync, isIdle: syncNotAsked } = startSync;
  useEffect(() => {
    if (syncState === "never" && syncNotAsked) sync();
  }, [syncState, syncNotAsked, sync]);

  const lastSynced = summary.data?.sync.lastCompletedAt;
  const subtitle = lastSynced
    ? t("products.sync.lastSynced", {
        time: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
          new Date(lastSynced),
        ),
      })
    : t("products.sync.never");

  return (
    <Page
      title={t("products.title")}
      subtitle={summary.data ? subtitle : undefined}
      primaryAction={{
        content: t("products.sync.action"),
        onAction: () => sync(),
        loading: startSync.isPending || syncState === "running",
        disabled: syncState === "running",
      }}
    >
      <Layout>
        {(summary.isError || list.isError) && (
          <Layout.Section>
            <Banner tone="critical" title={t("products.table.loadError")}>
              <Button
                onClick={() => queryClient.invalidateQueries({ queryKey: trpc.products.pathKey() })}
              >
                {t("products.table.retry")}
              </Button>
            </Banner>
          </Layout.Section>
        )}
        {summary.data && (
          <Layout.Section>
            <SyncBanner sync={summary.data.sync} onRetry={() => sync()} />
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            {summary.data ? (
              <CatalogSummaryCard
                summary={summary.data}
                selectedIssue={state.issue}
                onSelectIssue={state.setIssue}
              />
            ) : (
              <Card>
                <SkeletonBodyText lines={4} />
              </Card>
            )}
            <ProductsTable
              page={list.data}
              loading={list.isPlaceholderData || list.isLoading}
              state={state}
              catalogEmpty={summary.data?.products === 0}
            />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
