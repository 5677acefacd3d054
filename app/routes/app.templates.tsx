import { useNavigate, useSearchParams } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Layout, Page, Text } from "@shopify/polaris";
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { ApplyCard, type ApplyScope } from "~/components/seo/apply-card";
import { RecentRuns } from "~/components/seo/recent-runs";
import { selectedProductIds } from "~/components/seo/selection";
import { TemplateForm, type TemplateDraft } from "~/components/seo/template-form";
import { TemplatePreview } from "~/components/seo/template-preview";
import { useTranslation } from "~/i18n/i18n-provider";
import { hasIssues, templateIssues } from "~/services/seo/templates/seo-templates";
import { useTRPC } from "~/trpc/react";

const EMPTY_DRAFT: TemplateDraft = { name: "", titleTemplate: "", descriptionTemplate: "" };

export default function Templates() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const shopify = useAppBridge();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const selection = selectedProductIds(searchParams.get("products"));

  const templates = useQuery(trpc.seo.templates.list.queryOptions());
  const [selectedId, setSelectedId] = useState("");
  const [draft, setDraft] = useState<TemplateDraft>(EMPTY_DRAFT);
  const [formError, setFormError] = useState<string | null>(null);
  const [scope, setScope] = useState<ApplyScope>(selection.length ? "selection" : "catalog");
  const [previewInput, setPreviewInput] = useState<{
    titleTemplate: string | null;
    descriptionTemplate: string | null;
    productIds: string[];
  } | null>(null);
  const preview = useQuery(trpc.seo.previewTemplate.queryOptions(previewInput ?? skipToken));

  const templateInput = templatesOfInput(draft);
  const invalid = hasIssues(
    templateIssues({
      title: templateInput.titleTemplate,
      description: templateInput.descriptionTemplate,
    }),
  );
  const empty = !draft.titleTemplate.trim() && !draft.descriptionTemplate.trim();
  const productIds = scope === "selection" ? selection : [];

  const refreshTemplates = () =>
    queryClient.invalidateQueries({ queryKey: trpc.seo.templates.list.queryKey() });
  const onSaved = (saved: { id: string }, message: string) => {
    shopify.toast.show(message);
    setSelectedId(saved.id);
    setFormError(null);
    return refreshTemplates();
  };
  const onFailed = (error: { message: string }) =>
    setFormError(t("templates.form.saveError", { message: error.message }));
  const create = useMutation(trpc.seo.templates.create.mutationOptions({ onError: onFailed }));
  const update = useMutation(trpc.seo.templates.update.mutationOptions({ onError: onFailed }));
  const remove = useMutation(trpc.seo.templates.delete.mutationOptions({ onError: onFailed }));
  const start = useMutation(
    trpc.seo.bulkRuns.start.mutationOptions({
      onSuccess: ({ runId }) => navigate(`/app/bulk-runs/${runId}`),
    }),
  );

  function select(id: string) {
    const template = templates.data?.find((candidate) => candidate.id === id);
    setSelectedId(template ? id : "");
    setFormError(null);
    setDraft(
      template
        ? {
            name: template.name,
            titleTemplate: template.titleTemplate ?? "",
            descriptionTemplate: template.descriptionTemplate ?? "",
          }
        : EMPTY_DRAFT,
    );
  }

  function save() {
    if (!draft.name.trim()) return setFormError(t("templates.form.nameRequired"));
    if (empty) return setFormError(t("templates.form.templateRequired"));
    const input = { name: draft.name, ...templateInput };
    if (selectedId) {
      update.mutate(
        { ...input, id: selectedId },
        { onSuccess: (saved) => onSaved(saved, t("templates.form.created")) },
      );
    } else {
      create.mutate(input, { onSuccess: (saved) => onSaved(saved, t("templates.form.created")) });
    }
  }

  function requestPreview() {
    const next = { ...templateInput, productIds };
    if (JSON.stringify(next) === JSON.stringify(previewInput)) void preview.refetch();
    else setPreviewInput(next);
  }

  function applyTemplate() {
    const saved = templates.data?.find((template) => template.id === selectedId);
    const unchanged =
      saved &&
      (saved.titleTemplate ?? null) === templateInput.titleTemplate &&
      (saved.descriptionTemplate ?? null) === templateInput.descriptionTemplate;
    start.mutate({ ...templateInput, templateId: unchanged ? saved.id : null, scope, productIds });
  }

  function deleteSelected() {
    remove.mutate(
      { id: selectedId },
      {
        onSuccess: () => {
          shopify.toast.show(t("templates.form.deleted"));
          select("");
          return refreshTemplates();
        },
      },
    );
  }

  return (
    <Page title={t("templates.title")}>
      <Layout>
        {selection.length > 0 && (
          <Layout.Section>
            <Banner
              tone="info"
              title={t("templates.selection.title", { count: selection.length })}
              action={{
                content: t("templates.selection.clear"),
                onAction: () => navigate("/app/templates"),
              }}
            >
              <Text as="p">{t("templates.selection.body")}</Text>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <TemplateForm
              templates={templates.data ?? []}
              selectedId={selectedId}
              draft={draft}
              saving={create.isPending || update.isPending || remove.isPending}
              error={formError}
              onSelect={select}
              onChange={setDraft}
              onSave={save}
              onDelete={deleteSelected}
            />
            <TemplatePreview
              preview={preview.data}
              loading={preview.isFetching}
              error={preview.error?.message ?? null}
              disabled={invalid || empty}
              onPreview={requestPreview}
            />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <ApplyCard
              selectionCount={selection.length}
              scope={scope}
              error={start.error?.message ?? null}
              applying={start.isPending}
              disabled={invalid || empty}
              onScopeChange={setScope}
              onApply={applyTemplate}
            />
            <RecentRuns />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function templatesOfInput(draft: TemplateDraft) {
  return {
    titleTemplate: draft.titleTemplate.trim() ? draft.titleTemplate : null,
    descriptionTemplate: draft.descriptionTemplate.trim() ? draft.descriptionTemplate : null,
  };
}
