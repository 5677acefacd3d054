import type { Translate } from "~/i18n/translate";
import type { TemplateIssue } from "~/services/seo/templates/template-syntax";

/** One issue of a template as the merchant reads it, with a suggestion when there is one. */
export function templateIssueText(t: Translate, issue: TemplateIssue): string {
  if (issue.code === "unclosedBrace") {
    return t("templates.issues.unclosedBrace", { position: issue.position });
  }
  const text = t("templates.issues.unknownPlaceholder", {
    name: `{${issue.name}}`,
    position: issue.position,
  });
  return issue.suggestion
    ? `${text}. ${t("templates.issues.suggestion", { name: `{${issue.suggestion}}` })}`
    : text;
}
