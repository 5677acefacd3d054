import { BlockStack, Button, Card, InlineStack, Select, Text, TextField } from "@shopify/polaris";

import { useTranslation } from "~/i18n/i18n-provider";
import { SEO_RECOMMENDED_LENGTHS } from "~/services/seo/seo-field-limits";
import { PLACEHOLDERS, parseTemplate } from "~/services/seo/templates/template-syntax";

import { templateIssueText } from "./template-issue-text";

export interface TemplateDraft {
  name: string;
  titleTemplate: string;
  descriptionTemplate: string;
}

interface TemplateFormProps {
  templates: Array<{ id: string; name: string }>;
  selectedId: string;
  draft: TemplateDraft;
  saving: boolean;
  error: string | null;
  onSelect(id: string): void;
  onChange(draft: TemplateDraft): void;
  onSave(): void;
  onDelete(): void;
}

export function TemplateForm(props: TemplateFormProps) {
  const { t } = useTranslation();
  const { draft } = props;
  const issuesOf = (template: string) => {
    const parsed = parseTemplate(template);
    return parsed.ok
      ? undefined
      : parsed.issues.map((issue) => templateIssueText(t, issue)).join(". ");
  };
  const placeholders = PLACEHOLDERS.map((name) => `{${name}}`).join(", ");

  return (
    <Card>
      <BlockStack gap="400">
        <Text as="h2" variant="headingMd">
          {t("templates.form.title")}
        </Text>
        <Select
          label={t("templates.form.saved")}
          options={[
            { label: t("templates.form.new"), value: "" },
            ...props.templates.map((template) => ({ label: template.name, value: template.id })),
          ]}
          value={props.selectedId}
          onChange={props.onSelect}
        />
        <TextField
          label={t("templates.form.name")}
          value={draft.name}
          onChange={(name) => props.onChange({ ...draft, name })}
          autoComplete="off"
          maxLength={100}
        />
        <TextField
          label={t("templates.form.titleTemplate")}
          value={draft.titleTemplate}
          onChange={(titleTemplate) => props.onChange({ ...draft, titleTemplate })}
          autoComplete="off"
          monospaced
          error={issuesOf(draft.titleTemplate)}
        />
        <TextField
          label={t("templates.form.descriptionTemplate")}
          value={draft.descriptionTemplate}
          onChange={(descriptionTemplate) => props.onChange({ ...draft, descriptionTemplate })}
          autoComplete="off"
          monospaced
          multiline={3}
          error={issuesOf(draft.descriptionTemplate)}
          helpText={t("templates.form.help", { placeholders })}
        />
        <Text as="p" tone="subdued">
          {t("templates.form.limits", SEO_RECOMMENDED_LENGTHS)}
        </Text>
        {props.error && (
          <Text as="p" tone="critical">
            {props.error}
          </Text>
        )}
        <InlineStack gap="200">
          <Button onClick={props.onSave} loading={props.saving}>
            {props.selectedId ? t("templates.form.update") : t("templates.form.save")}
          </Button>
          {props.selectedId && (
            <Button
              tone="critical"
              variant="plain"
              onClick={props.onDelete}
              disabled={props.saving}
            >
              {t("templates.form.delete")}
            </Button>
          )}
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
