import type { SeoField } from "../seo-field-limits";

import { renderTemplate, type PlaceholderValues, type RenderedField } from "./render-template";
import { describeTemplateIssue, parseTemplate, type TemplateIssue } from "./template-syntax";

/** A title template, a description template, or both; null or blank means "leave as it is". */
export interface SeoTemplates {
  title: string | null;
  description: string | null;
}

export type TemplateIssues = Record<SeoField, TemplateIssue[]>;

export function activeTemplates(templates: SeoTemplates): Partial<Record<SeoField, string>> {
  const active: Partial<Record<SeoField, string>> = {};
  if (templates.title?.trim()) active.title = templates.title;
  if (templates.description?.trim()) active.description = templates.description;
  return active;
}

export function templateIssues(templates: SeoTemplates): TemplateIssues {
  const issuesOf = (template: string | null) => {
    if (!template?.trim()) return [];
    const parsed = parseTemplate(template);
    return parsed.ok ? [] : parsed.issues;
  };
  return { title: issuesOf(templates.title), description: issuesOf(templates.description) };
}

export function hasIssues(issues: TemplateIssues): boolean {
  return issues.title.length + issues.description.length > 0;
}

/** "title template: unknown placeholder {colour} at character 17", one line per issue. */
export function describeTemplateIssues(issues: TemplateIssues): string {
  return (["title", "description"] as const)
    .flatMap((field) =>
      issues[field].map((issue) => `${field} template: ${describeTemplateIssue(issue)}`),
    )
    .join("; ");
}

export type RenderedSeo = Partial<Record<SeoField, RenderedField>>;

/** Both fields for one product; call only with templates that have no issues. */
export function renderSeoTemplates(
  templates: SeoTemplates,
  values: PlaceholderValues,
): RenderedSeo {
  const rendered: RenderedSeo = {};
  for (const [field, template] of Object.entries(activeTemplates(templates)) as Array<
    [SeoField, string]
  >) {
    const result = renderTemplate(template, values, field);
    if (result.ok) rendered[field] = result.field;
  }
  return rendered;
}
