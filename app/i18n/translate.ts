import en from "~/locales/en.json";
import fr from "~/locales/fr.json";

import type { Locale } from "./locales";

type Messages = typeof en;

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A dotted path to one string in the English locale file, e.g. "dashboard.title". */
export type MessageKey = Leaves<Messages>;

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

// French is checked against the English file's shape by the locale test, not the compiler, so a
// missing translation shows the English text instead of failing the build.
const CATALOGS: Record<Locale, unknown> = { en, fr };

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function createTranslator(locale: Locale): Translate {
  return (key, values = {}) => {
    const template = lookup(CATALOGS[locale], key) ?? lookup(en, key) ?? key;
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in values ? String(values[name]) : match,
    );
  };
}
