/**
 * Sentry's envelope format: a JSON header line, then items, each a JSON header line followed by
 * its payload. A payload is `length` bytes when the item header says so, otherwise it runs to
 * the next newline. https://develop.sentry.dev/sdk/data-model/envelopes/
 */

export type EnvelopeItem = {
  type: string;
  header: Record<string, unknown>;
  /** Parsed JSON when the payload is JSON, otherwise its size in bytes. */
  payload: unknown;
};

export type Envelope = {
  header: Record<string, unknown>;
  items: EnvelopeItem[];
};

export class EnvelopeError extends Error {
  readonly status = 400;
}

const NEWLINE = 0x0a;

function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new EnvelopeError(`${what} is not JSON`);
  }
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new EnvelopeError(`${what} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

function readLine(body: Buffer, start: number): { line: Buffer; next: number } {
  const end = body.indexOf(NEWLINE, start);
  if (end === -1) return { line: body.subarray(start), next: body.length };
  return { line: body.subarray(start, end), next: end + 1 };
}

function readPayload(body: Buffer, start: number, header: Record<string, unknown>) {
  const { length } = header;
  if (length === undefined) return readLine(body, start);

  if (typeof length !== "number" || !Number.isInteger(length) || length < 0) {
    throw new EnvelopeError("item length must be a non-negative integer");
  }
  if (start + length > body.length) throw new EnvelopeError("item is shorter than its length");
  const next = body[start + length] === NEWLINE ? start + length + 1 : start + length;
  return { line: body.subarray(start, start + length), next };
}

function decodePayload(bytes: Buffer, header: Record<string, unknown>): unknown {
  const contentType = typeof header.content_type === "string" ? header.content_type : "";
  const looksJson = contentType === "" || contentType.includes("json");
  if (!looksJson || bytes.length === 0) return { bytes: bytes.length };
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    return { bytes: bytes.length };
  }
}

export function parseEnvelope(body: Buffer): Envelope {
  const first = readLine(body, 0);
  const header = asObject(parseJson(first.line, "envelope header"), "envelope header");
  const items: EnvelopeItem[] = [];

  let offset = first.next;
  while (offset < body.length) {
    const headerLine = readLine(body, offset);
    offset = headerLine.next;
    if (headerLine.line.length === 0) continue;

    const itemHeader = asObject(parseJson(headerLine.line, "item header"), "item header");
    if (typeof itemHeader.type !== "string") throw new EnvelopeError("item header needs a type");
    const payload = readPayload(body, offset, itemHeader);
    offset = payload.next;
    items.push({
      type: itemHeader.type,
      header: itemHeader,
      payload: decodePayload(payload.line, itemHeader),
    });
  }
  return { header, items };
}
