/**
 * The SEO template language: literal text with `{placeholder}` names in single braces, `{{` and
 * `}}` for literal braces. Shared by the page (live checks) and the server (the checks that
 * count), so both report the same problems at the same positions.
 */
export const PLACEHOLDERS = [
  "product_title",
  "vendor",
  "product_type",
  "shop_name",
  "price",
] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];

export type TemplateSegment =
  { kind: "text"; text: string } | { kind: "placeholder"; name: Placeholder };

/** `position` counts characters from 1, as a merchant reading the template would. */
export type TemplateIssue =
  | { code: "unknownPlaceholder"; name: string; position: number; suggestion: Placeholder | null }
  | { code: "unclosedBrace"; position: number };

export type ParsedTemplate =
  | { ok: true; segments: TemplateSegment[]; placeholders: Placeholder[] }
  | { ok: false; issues: TemplateIssue[] };

export const TEMPLATE_MAX_LENGTH = 1000;

export function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

export function parseTemplate(template: string): ParsedTemplate {
  const segments: TemplateSegment[] = [];
  const issues: TemplateIssue[] = [];
  let text = "";
  let index = 0;

  while (index < template.length) {
    const char = template.charAt(index);
    const next = template.charAt(index + 1);
    if ((char === "{" && next === "{") || (char === "}" && next === "}")) {
      text += char;
      index += 2;
      continue;
    }
    if (char !== "{") {
      text += char;
      index += 1;
      continue;
    }

    const close = template.indexOf("}", index + 1);
    const nextOpen = template.indexOf("{", index + 1);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      issues.push({ code: "unclosedBrace", position: index + 1 });
      index += 1;
      continue;
    }

    const name = template.slice(index + 1, close);
    if (isPlaceholder(name)) {
      if (text) segments.push({ kind: "text", text });
      text = "";
      segments.push({ kind: "placeholder", name });
    } else {
      issues.push({
        code: "unknownPlaceholder",
        name,
        position: index + 1,
        suggestion: closestPlaceholder(name),
      });
    }
    index = close + 1;
  }
  if (text) segments.push({ kind: "text", text });

  if (issues.length) return { ok: false, issues };
  const placeholders = segments.flatMap((segment) =>
    segment.kind === "placeholder" ? [segment.name] : [],
  );
  return { ok: true, segments, placeholders: [...new Set(placeholders)] };
}

/** A readable English sentence for an issue, for logs and API error messages. */
export function describeTemplateIssue(issue: TemplateIssue): string {
  if (issue.code === "unclosedBrace") {
    return `"{" at character ${issue.position} is not closed (write "{{" for a literal brace)`;
  }
  const hint = issue.suggestion ? `; did you mean {${issue.suggestion}}?` : "";
  return `unknown placeholder {${issue.name}} at character ${issue.position}${hint}`;
}

// A typo one or two letters away (or a different case) is worth a suggestion; anything further
// is more likely a different idea than a misspelling.
function closestPlaceholder(name: string): Placeholder | null {
  const wanted = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  let best: { name: Placeholder; distance: number } | null = null;
  for (const candidate of PLACEHOLDERS) {
    const distance = editDistance(wanted, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name ?? null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
