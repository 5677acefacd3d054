import { useParams } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  InlineStack,
  Layout,
  Page,
  ProgressBar,
  SkeletonBodyText,
  Text,
} from "@shopify/polaris";
import { useMutation, useQuery } from "@tanstack/react-query";

import { RunItems } from "~/components/seo/run-items";
import { RunStatusBadge } from "~/components/seo/run-status-badge";
import { useTranslation } from "~/i18n/i18n-provider";
import { isActiveRunStatus } from "~/services/seo/bulk/run-status";
import { useTRPC } from "~/trpc/react";

const POLL_MS = 1_000;

function percent(done: number, total: number): number {
  return total > 0 ? Math.round((done / total) * 100) : 100;
}

export default function BulkRunPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const shopify = useAppBridge();
  const runId = useParams().id ?? "";
  const run = useQuery(
    trpc.seo.bulkRuns.get.queryOptions(
      { runId },
      {
        staleTime: 0,
        // Poll while the worker is on it; a finished run does not change any more.
        refetchInterval: (query) =>
          query.state.data && !isActiveRunStatus(query.state.data.status) ? false : POLL_MS,
      },
    ),
  );
  const onError = (error: { message: string }) =>
    shopify.toast.show(t("bulkRun.actionError", { message: error.message }), { isError: true });
  const cancel = useMutation(
    trpc.seo.bulkRuns.cancel.mutationOptions({
      onSuccess: () => {
        shopify.toast.show(t("bulkRun.cancelRequested"));
        return run.refetch();
      },
      onError,
    }),
  );
  const undo = useMutation(
    trpc.seo.bulkRuns.undo.mutationOptions({
      onSuccess: () => {
        shopify.toast.show(t("bulkRun.undoStarted"));
        return run.refetch();
      },
      onError,
    }),
  );

  const back = { content: t("bulkRun.back"), url: "/app/templates" };
  if (run.isError) {
    return (
      <Page title={t("bulkRun.title")} backAction={back}>
        <Banner tone="critical">{t("bulkRun.loadError", { message: run.error.message })}</Banner>
      </Page>
    );
  }
  if (!run.data) {
    return (
      <Page title={t("bulkRun.title")} backAction={back}>
        <Card>
          <SkeletonBodyText lines={4} />
        </Card>
      </Page>
    );
  }

  const data = run.data;
  return (
    <Page
      title={t("bulkRun.title")}
      backAction={back}
      titleMetadata={<RunStatusBadge status={data.status} />}
    >
      <Layout>
        {data.error && (
          <Layout.Section>
            <Banner tone="critical">{t("bulkRun.error", { message: data.error })}</Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd" id="run-progress">
                {t("bulkRun.progress")}
              </Text>
              <ProgressBar
                progress={percent(data.processed, data.total)}
                ariaLabelledBy="run-progress"
                tone="primary"
              />
              <Text as="p">
                {t("bulkRun.counts", { processed: data.processed, total: data.total })}
              </Text>
              <Text as="p" tone="subdued">
                {t("bulkRun.outcome", {
                  succeeded: data.succeeded,
                  skipped: data.skipped,
                  failed: data.failed,
                })}
              </Text>
              {data.undo && (
                <BlockStack gap="200">
                  <Text as="h3" variant="headingSm" id="undo-progress">
                    {t("bulkRun.undoProgress")}
                  </Text>
                  <ProgressBar
                    progress={percent(data.undo.done, data.undo.total)}
                    ariaLabelledBy="undo-progress"
                    tone="success"
                  />
                  <Text as="p">{t("bulkRun.undoCounts", data.undo)}</Text>
                </BlockStack>
              )}
              {data.titleTemplate && (
                <Text as="p">
                  {t("bulkRun.titleTemplate")}: <code>{data.titleTemplate}</code>
                </Text>
              )}
              {data.descriptionTemplate && (
                <Text as="p">
                  {t("bulkRun.descriptionTemplate")}: <code>{data.descriptionTemplate}</code>
                </Text>
              )}
              <InlineStack gap="200">
                {data.canCancel && (
                  <Button
                    tone="critical"
                    loading={cancel.isPending}
                    onClick={() => cancel.mutate({ runId })}
                  >
                    {t("bulkRun.cancel")}
                  </Button>
                )}
                {data.canUndo && (
                  <Button loading={undo.isPending} onClick={() => undo.mutate({ runId })}>
                    {t("bulkRun.undo")}
                  </Button>
                )}
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <RunItems runId={runId} live={isActiveRunStatus(data.status)} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
