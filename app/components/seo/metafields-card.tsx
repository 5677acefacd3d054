import { BlockStack, Card, Select, Text, TextField } from "@shopify/polaris";

import { useTranslation } from "~/i18n/i18n-provider";
import { checkMetafieldValue } from "~/services/metafields/metafield-values";
import { metafieldKey } from "~/services/seo/editor/conflict";

export interface EditorMetafield {
  id: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  editable: boolean;
}

interface MetafieldsCardProps {
  metafields: EditorMetafield[];
  /** The value shown for each metafield, by "namespace.key". */
  values: Record<string, string>;
  serverErrors: Record<string, string>;
  onChange(key: string, value: string): void;
}

// The browser's date input writes YYYY-MM-DD, which is exactly Shopify's date format.
const INPUT_TYPES: Record<string, "text" | "url" | "date"> = { url: "url", date: "date" };

export function MetafieldsCard(props: MetafieldsCardProps) {
  const { t } = useTranslation();

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("productEditor.metafields.title")}
        </Text>
        {props.metafields.length === 0 && (
          <Text as="p" tone="subdued">
            {t("productEditor.metafields.empty")}
          </Text>
        )}
        {props.metafields.map((metafield) => {
          const key = metafieldKey(metafield);
          return (
            <MetafieldInput
              key={metafield.id}
              metafield={metafield}
              value={props.values[key] ?? metafield.value}
              serverError={props.serverErrors[key]}
              onChange={(value) => props.onChange(key, value)}
            />
          );
        })}
      </BlockStack>
    </Card>
  );
}

function MetafieldInput(props: {
  metafield: EditorMetafield;
  value: string;
  serverError: string | undefined;
  onChange(value: string): void;
}) {
  const { t } = useTranslation();
  const { metafield, value } = props;
  const label = `${metafield.namespace}.${metafield.key}`;

  if (!metafield.editable) {
    return (
      <TextField
        label={label}
        value={value}
        readOnly
        multiline={value.length > 80 ? 3 : undefined}
        autoComplete="off"
        helpText={t("productEditor.metafields.readOnly", { type: metafield.type })}
      />
    );
  }

  const check = checkMetafieldValue(metafield.type, value);
  const error = check.ok ? props.serverError : t(`productEditor.metafields.issues.${check.issue}`);
  const help = t("productEditor.metafields.type", { type: metafield.type });

  if (metafield.type === "boolean") {
    return (
      <Select
        label={label}
        options={[
          { label: t("productEditor.metafields.true"), value: "true" },
          { label: t("productEditor.metafields.false"), value: "false" },
        ]}
        value={value}
        onChange={props.onChange}
        helpText={help}
        error={error}
      />
    );
  }

  const multiline = metafield.type === "multi_line_text_field" || metafield.type === "json";
  return (
    <TextField
      label={label}
      value={value}
      onChange={props.onChange}
      type={INPUT_TYPES[metafield.type] ?? "text"}
      multiline={multiline ? 3 : undefined}
      monospaced={metafield.type === "json"}
      prefix={metafield.type === "color" && check.ok ? <Swatch color={check.value} /> : undefined}
      autoComplete="off"
      helpText={help}
      error={error}
    />
  );
}

function Swatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden
      style={{ display: "inline-block", width: 16, height: 16, borderRadius: 4, background: color }}
    />
  );
}
