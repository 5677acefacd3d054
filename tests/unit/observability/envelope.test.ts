import { describe, expect, it } from "vitest";

import { EnvelopeError, parseEnvelope } from "../../../emulator/sentry/envelope";

const header = JSON.stringify({ event_id: "e1", dsn: "http://key@127.0.0.1:1/1" });

describe("parseEnvelope", () => {
  it("reads items delimited by newlines and by length, JSON and binary", () => {
    const event = JSON.stringify({ message: "line\nbreak inside a string is escaped" });
    const attachment = Buffer.from([0x00, 0x0a, 0xff, 0x0a]);
    const body = Buffer.concat([
      Buffer.from(`${header}\n${JSON.stringify({ type: "event" })}\n${event}\n`),
      Buffer.from(`${JSON.stringify({ type: "attachment", length: 4 })}\n`),
      attachment,
      Buffer.from(`\n${JSON.stringify({ type: "client_report", length: 2 })}\n{}`),
    ]);

    const envelope = parseEnvelope(body);

    expect(envelope.header).toMatchObject({ event_id: "e1" });
    expect(envelope.items.map((item) => item.type)).toEqual([
      "event",
      "attachment",
      "client_report",
    ]);
    expect(envelope.items[0]?.payload).toEqual(JSON.parse(event));
    expect(envelope.items[1]?.payload).toEqual({ bytes: 4 });
    expect(envelope.items[2]?.payload).toEqual({});
  });

  it("counts multi-byte characters by bytes when an item gives its length", () => {
    const payload = JSON.stringify({ shop: "Café Crème" });
    const body = `${header}\n${JSON.stringify({ type: "event", length: Buffer.byteLength(payload) })}\n${payload}`;

    expect(parseEnvelope(Buffer.from(body)).items[0]?.payload).toEqual({ shop: "Café Crème" });
  });

  it.each([
    ["a header that is not JSON", "not json\n"],
    ["an item without a type", `${header}\n{"length":2}\n{}`],
    ["an item shorter than its length", `${header}\n{"type":"event","length":50}\n{}`],
  ])("refuses %s", (_what, body) => {
    expect(() => parseEnvelope(Buffer.from(body))).toThrow(EnvelopeError);
  });
});
