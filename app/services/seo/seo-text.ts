/** Whether a value says something: null, empty and spaces-only are all "not set". */
export function hasText(value: string | null | undefined): value is string {
  return typeof value === "string" && value.trim().length > 0;
}

/**
 * Length as a reader counts it: characters (code points, so an emoji or an accented letter counts
 * once) of the trimmed text.
 */
export function textLength(value: string): number {
  return [...value.trim()].length;
}

/**
 * What two SEO values must share to count as the same text: case, surrounding spaces and runs of
 * spaces do not make a title different to a search engine's reader.
 */
export function comparisonKey(value: string | null | undefined): string | null {
  if (!hasText(value)) return null;
  return value.trim().replace(/\s+/g, " ").toLocaleLowerCase("en-US");
}
