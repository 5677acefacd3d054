import { Link } from "@remix-run/react";
import { BlockStack, Box, Button, Card, InlineStack, Text, TextField } from "@shopify/polaris";

import { useTranslation } from "~/i18n/i18n-provider";
import { checkSeoField } from "~/services/seo/editor/seo-field-checks";
import {
  SEO_FIELD_LIMITS,
  SEO_RECOMMENDED_LENGTHS,
  type SeoField,
} from "~/services/seo/seo-field-limits";
import { textLength } from "~/services/seo/seo-text";

export interface Suggestion {
  templateId: string;
  templateName: string;
  title: string | null;
  description: string | null;
}

interface SeoFieldsCardProps {
  values: Record<SeoField, string>;
  placeholders: Record<SeoField, string>;
  /** Errors Shopify (or the server's own checks) returned for a field. */
  serverErrors: Partial<Record<SeoField, string>>;
  suggestions: Suggestion[];
  onChange(field: SeoField, value: string): void;
}

const LABELS = {
  title: "productEditor.listing.seoTitle",
  description: "productEditor.listing.seoDescription",
} as const;
const EMPTY_HINTS = {
  title: "productEditor.listing.emptyTitle",
  description: "productEditor.listing.emptyDescription",
} as const;

export function SeoFieldsCard(props: SeoFieldsCardProps) {
  const { t } = useTranslation();

  function field(name: SeoField) {
    const value = props.values[name];
    const count = textLength(value);
    const recommended = SEO_RECOMMENDED_LENGTHS[name];
    const issue = checkSeoField(name, value);
    const ownError = issue
      ? t(`productEditor.issues.${issue}`, { limit: SEO_FIELD_LIMITS[name] })
      : undefined;
    const help =
      count === 0
        ? t(EMPTY_HINTS[name])
        : count > recommended
          ? t("productEditor.listing.overRecommended", { count, recommended })
          : t("productEditor.listing.count", { count, recommended });

    return (
      <TextField
        label={t(LABELS[name])}
        value={value}
        onChange={(next) => props.onChange(name, next)}
        placeholder={props.placeholders[name]}
        multiline={name === "description" ? 4 : undefined}
        autoComplete="off"
        helpText={help}
        error={ownError ?? props.serverErrors[name]}
      />
    );
  }

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("productEditor.listing.title")}
        </Text>
        {field("title")}
        {field("description")}
        <Suggestions suggestions={props.suggestions} onUse={props.onChange} />
      </BlockStack>
    </Card>
  );
}

function Suggestions(props: {
  suggestions: Suggestion[];
  onUse(field: SeoField, value: string): void;
}) {
  const { t } = useTranslation();
  if (props.suggestions.length === 0) {
    return (
      <Text as="p" tone="subdued">
        {t("productEditor.suggestions.none")}{" "}
        <Link to="/app/templates">{t("productEditor.suggestions.manage")}</Link>
      </Text>
    );
  }

  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {t("productEditor.suggestions.title")}
      </Text>
      {props.suggestions.map((suggestion) => (
        <Box
          key={suggestion.templateId}
          padding="200"
          background="bg-surface-secondary"
          borderRadius="200"
        >
          <InlineStack gap="300" align="space-between" blockAlign="center" wrap={false}>
            <BlockStack gap="050">
              <Text as="span" variant="bodySm" tone="subdued">
                {suggestion.templateName}
              </Text>
              {suggestion.title && (
                <Text as="span" fontWeight="semibold">
                  {suggestion.title}
                </Text>
              )}
              {suggestion.description && <Text as="span">{suggestion.description}</Text>}
            </BlockStack>
            <Button
              accessibilityLabel={t("productEditor.suggestions.useLabel", {
                template: suggestion.templateName,
              })}
              onClick={() => {
                if (suggestion.title) props.onUse("title", suggestion.title);
                if (suggestion.description) props.onUse("description", suggestion.description);
              }}
            >
              {t("productEditor.suggestions.use")}
            </Button>
          </InlineStack>
        </Box>
      ))}
    </BlockStack>
  );
}
