import { BlockStack, Card, Text } from "@shopify/polaris";

import { useTranslation } from "~/i18n/i18n-provider";
import { SEO_RECOMMENDED_LENGTHS } from "~/services/seo/seo-field-limits";
import { toPlainText } from "~/services/seo/templates/plain-text";
import { truncateAtWord } from "~/services/seo/templates/render-template";

// Google's own colours for a result, so the preview reads like the real page.
const LINK_BLUE = "#1a0dab";
const URL_GREEN = "#006621";

function cut(text: string, limit: number): string {
  const cutText = truncateAtWord(text, limit);
  return cutText === text ? text : `${cutText} …`;
}

export function GooglePreview(props: {
  host: string;
  handle: string;
  title: string;
  description: string;
}) {
  const { t } = useTranslation();
  const description = toPlainText(props.description);

  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {t("productEditor.preview.title")}
        </Text>
        <section aria-label={t("productEditor.preview.title")}>
          <BlockStack gap="050">
            <span style={{ color: URL_GREEN, fontSize: 13 }}>
              {`https://${props.host} › products › ${props.handle}`}
            </span>
            <span style={{ color: LINK_BLUE, fontSize: 18, lineHeight: 1.3 }}>
              {cut(props.title, SEO_RECOMMENDED_LENGTHS.title)}
            </span>
            <span style={{ color: "#4d5156", fontSize: 13 }}>
              {cut(description, SEO_RECOMMENDED_LENGTHS.description)}
            </span>
          </BlockStack>
        </section>
        <Text as="p" tone="subdued" variant="bodySm">
          {t("productEditor.preview.hint")}
        </Text>
      </BlockStack>
    </Card>
  );
}
