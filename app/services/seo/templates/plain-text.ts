const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity.startsWith("#")) {
      const code =
        entity[1]?.toLowerCase() === "x" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : match;
    }
    return ENTITIES[entity.toLowerCase()] ?? match;
  });
}

/**
 * SEO titles and descriptions are plain text that themes print into <title> and meta tags.
 * Markup in a template or in a product's data must not reach them: entities are decoded first
 * so an encoded tag cannot survive as one, then tags (and a tag cut off at the end) are removed,
 * along with control characters. Whitespace runs become one space.
 */
export function toPlainText(text: string): string {
  return plainFragment(text).trim();
}

/** As toPlainText, but keeps one space at either end where there was any, for joining. */
export function plainFragment(text: string): string {
  return (
    decodeEntities(text)
      .replace(/<\/?[a-z!?][^>]*(>|$)/gi, " ")
      .replace(/[<>]/g, " ")
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f]/g, " ")
      .replace(/\s+/g, " ")
  );
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
