import { Banner, Text } from "@shopify/polaris";

import { useTranslation } from "~/i18n/i18n-provider";

/**
 * Shown when a save found the product changed in Shopify since the editor loaded it: nothing
 * was written, and the merchant chooses between Shopify's version and their own.
 */
export function ConflictBanner(props: {
  changed: string[];
  saving: boolean;
  onReload(): void;
  onOverwrite(): void;
}) {
  const { t } = useTranslation();

  return (
    <Banner
      tone="warning"
      title={t("productEditor.conflict.title")}
      action={{ content: t("productEditor.conflict.reload"), onAction: props.onReload }}
      secondaryAction={{
        content: t("productEditor.conflict.overwrite"),
        onAction: () => {
          if (!props.saving) props.onOverwrite();
        },
      }}
    >
      <Text as="p">
        {props.changed.length > 0
          ? t("productEditor.conflict.changedFields", { fields: props.changed.join(", ") })
          : t("productEditor.conflict.otherFields")}
      </Text>
    </Banner>
  );
}
