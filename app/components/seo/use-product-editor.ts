import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { useTranslation } from "~/i18n/i18n-provider";
import { checkMetafieldValue } from "~/services/metafields/metafield-values";
import { metafieldKey } from "~/services/seo/editor/conflict";
import { checkSeoFields } from "~/services/seo/editor/seo-field-checks";
import { SEO_FIELDS, type SeoField } from "~/services/seo/seo-field-limits";
import type { UserError } from "~/services/shopify/operation";
import { useTRPC } from "~/trpc/react";

type SaveOutcome = "saved" | "conflict" | "invalid" | "failed";

const FIELD_LABELS = {
  title: "productEditor.listing.seoTitle",
  description: "productEditor.listing.seoDescription",
} as const;

function seoFieldOf(userError: UserError): SeoField | null {
  const path = userError.field ?? [];
  return SEO_FIELDS.find((field) => path.includes(field)) ?? null;
}

/**
 * The editor's state: what Shopify holds (the baseline, refetched after every save), the
 * merchant's edits on top of it, and the save that sends only what changed, stopping with a
 * conflict when Shopify changed the product since it was loaded.
 */
export function useProductEditor(productId: string) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const productQuery = useQuery(trpc.seo.product.queryOptions({ productId }, { staleTime: 0 }));
  const metafieldsQuery = useQuery(
    trpc.metafields.list.queryOptions({ productId }, { staleTime: 0 }),
  );
  const updateSeo = useMutation(trpc.seo.updateProductSeo.mutationOptions());
  const setMetafields = useMutation(trpc.metafields.set.mutationOptions());

  const [seoEdits, setSeoEdits] = useState<Partial<Record<SeoField, string>>>({});
  const [metafieldEdits, setMetafieldEdits] = useState<Record<string, string>>({});
  const [seoErrors, setSeoErrors] = useState<Partial<Record<SeoField, string>>>({});
  const [metafieldErrors, setMetafieldErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<string[] | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const product = productQuery.data?.product ?? null;
  const baseline = { title: product?.seo.title ?? "", description: product?.seo.description ?? "" };
  const values = {
    title: seoEdits.title ?? baseline.title,
    description: seoEdits.description ?? baseline.description,
  };
  const seoDirty = SEO_FIELDS.some((field) => values[field] !== baseline[field]);
  const metafields = metafieldsQuery.data?.metafields ?? [];
  const changedMetafields = metafields.filter(
    (field) =>
      field.editable && (metafieldEdits[metafieldKey(field)] ?? field.value) !== field.value,
  );
  const invalid =
    Object.keys(checkSeoFields(values)).length > 0 ||
    changedMetafields.some(
      (field) => !checkMetafieldValue(field.type, metafieldEdits[metafieldKey(field)] ?? "").ok,
    );

  function clearFeedback() {
    setSeoErrors({});
    setMetafieldErrors({});
    setConflict(null);
    setFormError(null);
  }

  function discard() {
    setSeoEdits({});
    setMetafieldEdits({});
    clearFeedback();
  }

  async function reload() {
    await Promise.all([productQuery.refetch(), metafieldsQuery.refetch()]);
    discard();
  }

  async function saveSeo(overwrite: boolean): Promise<SaveOutcome> {
    if (!product || !seoDirty) return "saved";
    const loaded = overwrite ? null : { updatedAt: product.updatedAt, seo: product.seo };
    const result = await updateSeo.mutateAsync({ productId, seo: values, loaded });
    if (result.status === "conflict") {
      setConflict(result.changedFields.map((field) => t(FIELD_LABELS[field])));
      return "conflict";
    }
    if (result.status === "invalid") {
      const errors: Partial<Record<SeoField, string>> = {};
      for (const userError of result.userErrors) {
        const field = seoFieldOf(userError);
        if (field) errors[field] = userError.message;
        else setFormError(userError.message);
      }
      setSeoErrors(errors);
      return "invalid";
    }
    await productQuery.refetch();
    setSeoEdits({});
    return "saved";
  }

  async function saveMetafields(overwrite: boolean): Promise<SaveOutcome> {
    if (changedMetafields.length === 0) return "saved";
    const sent = changedMetafields.map((field) => ({
      namespace: field.namespace,
      key: field.key,
      type: field.type,
      value: metafieldEdits[metafieldKey(field)] ?? field.value,
    }));
    const loaded = overwrite
      ? null
      : changedMetafields.map(({ namespace, key, value }) => ({ namespace, key, value }));
    const result = await setMetafields.mutateAsync({ productId, metafields: sent, loaded });
    if (result.status === "conflict") {
      setConflict(result.changed.map(metafieldKey));
      return "conflict";
    }
    if (result.status === "invalid") {
      const errors: Record<string, string> = {};
      for (const userError of result.userErrors) {
        const index = Number(userError.field?.[1]);
        const field = Number.isInteger(index) ? sent[index] : undefined;
        if (field) errors[metafieldKey(field)] = userError.message;
        else setFormError(userError.message);
      }
      setMetafieldErrors(errors);
      return "invalid";
    }
    await metafieldsQuery.refetch();
    setMetafieldEdits({});
    return "saved";
  }

  /** Saves the SEO fields, then the metafields; stops at the first conflict or refusal. */
  async function save(overwrite = false): Promise<SaveOutcome> {
    clearFeedback();
    setSaving(true);
    try {
      const seoOutcome = await saveSeo(overwrite);
      if (seoOutcome !== "saved") return seoOutcome;
      return await saveMetafields(overwrite);
    } catch (error) {
      setFormError(t("productEditor.save.failed", { message: (error as Error).message }));
      return "failed";
    } finally {
      setSaving(false);
    }
  }

  return {
    productQuery,
    metafieldsQuery,
    product,
    storefrontHost: productQuery.data?.storefrontHost ?? "",
    suggestions: productQuery.data?.suggestions ?? [],
    values,
    metafields,
    metafieldValues: metafieldEdits,
    seoErrors,
    metafieldErrors,
    conflict,
    formError,
    saving,
    dirty: seoDirty || changedMetafields.length > 0,
    invalid,
    setSeoValue: (field: SeoField, value: string) =>
      setSeoEdits((edits) => ({ ...edits, [field]: value })),
    setMetafieldValue: (key: string, value: string) =>
      setMetafieldEdits((edits) => ({ ...edits, [key]: value })),
    save,
    discard,
    reload,
  };
}
