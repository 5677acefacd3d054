import { BlockStack, Box, Button, Card, InlineGrid, Text } from "@shopify/polaris";
import type { inferRouterOutputs } from "@trpc/server";

import { useTranslation } from "~/i18n/i18n-provider";
import type { AppRouter } from "~/trpc/root.server";

type Preview = inferRouterOutputs<AppRouter>["seo"]["previewTemplate"];
type PreviewProduct = Preview["products"][number];

const FIELDS = [
  { field: "title", label: "templates.preview.seoTitle" },
  { field: "description", label: "templates.preview.seoDescription" },
] as const;

export function TemplatePreview(props: {
  preview: Preview | undefined;
  loading: boolean;
  error: string | null;
  disabled: boolean;
  onPreview(): void;
}) {
  const { t } = useTranslation();

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("templates.preview.title")}
        </Text>
        <Text as="p" tone="subdued">
          {t("templates.preview.hint")}
        </Text>
        <Box>
          <Button onClick={props.onPreview} loading={props.loading} disabled={props.disabled}>
            {t("templates.preview.action")}
          </Button>
        </Box>
        {props.error && (
          <Text as="p" tone="critical">
            {t("templates.preview.error", { message: props.error })}
          </Text>
        )}
        {props.preview && props.preview.products.length === 0 && (
          <Text as="p">{t("templates.preview.empty")}</Text>
        )}
        {props.preview?.products.map((product) => (
          <PreviewRow key={product.id} product={product} />
        ))}
      </BlockStack>
    </Card>
  );
}

function PreviewRow({ product }: { product: PreviewProduct }) {
  const { t } = useTranslation();

  return (
    <section aria-label={product.title}>
      <BlockStack gap="200">
        <Text as="h3" variant="headingSm">
          {product.title}
        </Text>
        {FIELDS.map(({ field, label }) => {
          const next = product.next[field];
          const notes = [
            next?.truncatedFrom
              ? t("templates.preview.truncated", { length: next.truncatedFrom, limit: next.limit })
              : null,
            next?.emptyPlaceholders.length
              ? t("templates.preview.emptyValues", {
                  placeholders: next.emptyPlaceholders.map((name) => `{${name}}`).join(", "),
                })
              : null,
          ].filter(Boolean);
          return (
            <InlineGrid
              key={field}
              columns={{ xs: 1, md: ["oneThird", "oneThird", "oneThird"] }}
              gap="200"
            >
              <Text as="span" tone="subdued">
                {t(label)}
              </Text>
              <Text as="span">
                {t("templates.preview.now")}:{" "}
                {product.current[field] || t("templates.preview.none")}
              </Text>
              <BlockStack gap="050">
                <Text as="span" fontWeight="semibold">
                  {t("templates.preview.after")}:{" "}
                  {next
                    ? next.value || t("templates.preview.none")
                    : t("templates.preview.unchanged")}
                </Text>
                {notes.map((note) => (
                  <Text key={note} as="span" variant="bodySm" tone="caution">
                    {note}
                  </Text>
                ))}
              </BlockStack>
            </InlineGrid>
          );
        })}
      </BlockStack>
    </section>
  );
}
