import type { Database } from "~/db.server";
import { isUniqueViolation } from "~/services/prisma-errors.server";

import {
  activeTemplates,
  describeTemplateIssues,
  hasIssues,
  templateIssues,
} from "./seo-templates";

export interface TemplateInput {
  name: string;
  titleTemplate: string | null;
  descriptionTemplate: string | null;
}

/** A template the app refuses to store, with the reason the merchant reads. */
export class TemplateStoreError extends Error {
  constructor(
    readonly code: "INVALID" | "DUPLICATE_NAME" | "NOT_FOUND",
    message: string,
  ) {
    super(message);
    this.name = "TemplateStoreError";
  }
}

const TEMPLATE_FIELDS = {
  id: true,
  name: true,
  titleTemplate: true,
  descriptionTemplate: true,
  updatedAt: true,
} as const;

function checked(input: TemplateInput) {
  const templates = { title: input.titleTemplate, description: input.descriptionTemplate };
  const issues = templateIssues(templates);
  if (hasIssues(issues)) {
    throw new TemplateStoreError(
      "INVALID",
      `The template is not valid: ${describeTemplateIssues(issues)}`,
    );
  }
  const active = activeTemplates(templates);
  if (!active.title && !active.description) {
    throw new TemplateStoreError(
      "INVALID",
      "Give a title template, a description template or both",
    );
  }
  return {
    name: input.name.trim(),
    titleTemplate: active.title?.trim() ?? null,
    descriptionTemplate: active.description?.trim() ?? null,
  };
}

async function uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new TemplateStoreError("DUPLICATE_NAME", `A template named "${name}" already exists`);
    }
    throw error;
  }
}

export function listTemplates(db: Database, shopId: string) {
  return db.seoTemplate.findMany({
    where: { shopId },
    orderBy: { name: "asc" },
    select: TEMPLATE_FIELDS,
  });
}

export async function createTemplate(db: Database, shopId: string, input: TemplateInput) {
  const data = checked(input);
  return uniqueName(data.name, () =>
    db.seoTemplate.create({ data: { ...data, shopId }, select: TEMPLATE_FIELDS }),
  );
}

export async function updateTemplate(
  db: Database,
  shopId: string,
  id: string,
  input: TemplateInput,
) {
  const data = checked(input);
  const updated = await uniqueName(data.name, () =>
    db.seoTemplate.updateMany({ where: { id, shopId }, data }),
  );
  // Read back within the shop too: the template may have been deleted in between.
  const template =
    updated.count === 0
      ? null
      : await db.seoTemplate.findFirst({ where: { id, shopId }, select: TEMPLATE_FIELDS });
  if (!template) throw new TemplateStoreError("NOT_FOUND", "No such template for this shop");
  return template;
}

/** Runs made from the template keep their own copy of it, so they are untouched. */
export async function deleteTemplate(db: Database, shopId: string, id: string) {
  const deleted = await db.seoTemplate.deleteMany({ where: { id, shopId } });
  if (deleted.count === 0)
    throw new TemplateStoreError("NOT_FOUND", "No such template for this shop");
}
