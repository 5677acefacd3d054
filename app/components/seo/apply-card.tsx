import { Banner, BlockStack, Button, Card, ChoiceList, Text } from "@shopify/polaris";

import { useTranslation } from "~/i18n/i18n-provider";

export type ApplyScope = "selection" | "catalog";

/** Where the template goes (the Products page's selection or the whole catalog) and the start. */
export function ApplyCard(props: {
  selectionCount: number;
  scope: ApplyScope;
  error: string | null;
  applying: boolean;
  disabled: boolean;
  onScopeChange(scope: ApplyScope): void;
  onApply(): void;
}) {
  const { t } = useTranslation();
  const choices = [
    ...(props.selectionCount > 0
      ? [
          {
            label: t("templates.apply.selection", { count: props.selectionCount }),
            value: "selection",
          },
        ]
      : []),
    { label: t("templates.apply.catalog"), value: "catalog" },
  ];

  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("templates.apply.title")}
        </Text>
        <ChoiceList
          title={t("templates.apply.scope")}
          choices={choices}
          selected={[props.scope]}
          onChange={([value]) =>
            props.onScopeChange(value === "selection" ? "selection" : "catalog")
          }
        />
        <Text as="p" tone="subdued">
          {t("templates.apply.hint")}
        </Text>
        {props.error && (
          <Banner tone="critical">{t("templates.apply.error", { message: props.error })}</Banner>
        )}
        <Button
          variant="primary"
          loading={props.applying}
          disabled={props.disabled}
          onClick={props.onApply}
        >
          {t("templates.apply.action")}
        </Button>
      </BlockStack>
    </Card>
  );
}
