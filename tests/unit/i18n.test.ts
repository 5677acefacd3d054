import { describe, expect, it } from "vitest";

import { resolveLocale } from "~/i18n/locales";
import { createTranslator } from "~/i18n/translate";
import en from "~/locales/en.json";
import fr from "~/locales/fr.json";

function keysOf(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) =>
    keysOf(value, prefix ? `${prefix}.${key}` : key),
  );
}

describe("locale files", () => {
  it("French translates every English string and nothing else", () => {
    expect(keysOf(fr).sort()).toEqual(keysOf(en).sort());
  });

  it("keeps the same placeholders in both languages", () => {
    const translateEn = createTranslator("en");
    const translateFr = createTranslator("fr");
    for (const key of keysOf(en) as Parameters<typeof translateEn>[0][]) {
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(translateFr(key)), key).toEqual(placeholders(translateEn(key)));
    }
  });
});

describe("createTranslator", () => {
  it("fills placeholders", () => {
    expect(createTranslator("en")("dashboard.plan.renews", { date: "May 1" })).toBe(
      "Usage resets on May 1",
    );
    expect(createTranslator("fr")("settings.saveError", { message: "réseau" })).toBe(
      "Impossible d'enregistrer les paramètres : réseau",
    );
  });

  it("falls back to English for an unsupported language", () => {
    expect(resolveLocale("de")).toBe("en");
    expect(resolveLocale(null)).toBe("en");
    expect(resolveLocale("fr")).toBe("fr");
  });
});
