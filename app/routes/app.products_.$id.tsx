import { useParams } from "@remix-run/react";
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Layout,
  Page,
  SkeletonBodyText,
} from "@shopify/polaris";

import { ConflictBanner } from "~/components/seo/conflict-banner";
import { GooglePreview } from "~/components/seo/google-preview";
import { MetafieldsCard } from "~/components/seo/metafields-card";
import { SeoFieldsCard } from "~/components/seo/seo-fields-card";
import { useProductEditor } from "~/components/seo/use-product-editor";
import { useTranslation } from "~/i18n/i18n-provider";
import { productGid } from "~/services/catalog/mirror-fields";

const SAVE_BAR_ID = "product-seo-save-bar";
const KNOWN_STATUSES = ["ACTIVE", "DRAFT", "ARCHIVED", "UNLISTED"] as const;

/** The route takes Shopify's numeric product id (or a URL-encoded GID). */
function productIdFrom(param: string | undefined): string {
  const value = decodeURIComponent(param ?? "");
  return /^\d+$/.test(value) ? productGid(value) : value;
}

export default function ProductSeoEditor() {
  const { t } = useTranslation();
  const shopify = useAppBridge();
  const productId = productIdFrom(useParams().id);
  const editor = useProductEditor(productId);
  const { product } = editor;

  async function save(overwrite = false) {
    const outcome = await editor.save(overwrite);
    if (outcome === "saved") shopify.toast.show(t("productEditor.save.saved"));
  }

  if (editor.productQuery.isError) {
    const notFound = editor.productQuery.error.data?.code === "NOT_FOUND";
    return (
      <Page backAction={{ content: t("productEditor.back"), url: "/app/products" }}>
        <Banner
          tone="critical"
          title={
            notFound
              ? t("productEditor.notFound")
              : t("productEditor.loadError", { message: editor.productQuery.error.message })
          }
        >
          {!notFound && (
            <Button onClick={() => editor.productQuery.refetch()}>
              {t("productEditor.retry")}
            </Button>
          )}
        </Banner>
      </Page>
    );
  }

  if (!product) {
    return (
      <Page backAction={{ content: t("productEditor.back"), url: "/app/products" }}>
        <Card>
          <SkeletonBodyText lines={6} />
        </Card>
      </Page>
    );
  }

  const status = KNOWN_STATUSES.find((known) => known === product.status);
  return (
    <Page
      title={product.title}
      backAction={{ content: t("productEditor.back"), url: "/app/products" }}
      titleMetadata={status && <Badge>{t(`productEditor.statuses.${status}`)}</Badge>}
    >
      <SaveBar id={SAVE_BAR_ID} open={editor.dirty}>
        <button
          variant="primary"
          onClick={() => save()}
          disabled={editor.saving || editor.invalid}
          loading={editor.saving ? "" : undefined}
        />
        <button onClick={editor.discard} disabled={editor.saving} />
      </SaveBar>
      <Layout>
        {(editor.conflict || editor.formError) && (
          <Layout.Section>
            <BlockStack gap="300">
              {editor.conflict && (
                <ConflictBanner
                  changed={editor.conflict}
                  saving={editor.saving}
                  onReload={editor.reload}
                  onOverwrite={() => save(true)}
                />
              )}
              {editor.formError && (
                <Banner tone="critical" title={t("productEditor.save.invalid")}>
                  {editor.formError}
                </Banner>
              )}
            </BlockStack>
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <SeoFieldsCard
              values={editor.values}
              placeholders={{
                title: product.title,
                description: product.description.slice(0, 160),
              }}
              serverErrors={editor.seoErrors}
              suggestions={editor.suggestions}
              onChange={editor.setSeoValue}
            />
            {editor.metafieldsQuery.data ? (
              <MetafieldsCard
                metafields={editor.metafields}
                values={editor.metafieldValues}
                serverErrors={editor.metafieldErrors}
                onChange={editor.setMetafieldValue}
              />
            ) : (
              <Card>
                <SkeletonBodyText lines={3} />
              </Card>
            )}
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <GooglePreview
            host={editor.storefrontHost}
            handle={product.handle}
            title={editor.values.title || product.title}
            description={editor.values.description || product.description}
          />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
