import { randomBytes, randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startEmulator, type RunningEmulator } from "../../../emulator/index";

const PROJECT = "4242";

/** An envelope holding one error event, as an SDK writes it. */
function envelopeWith(event: Record<string, unknown>, dsn: string): string {
  const header = { event_id: event.event_id, dsn, sent_at: new Date().toISOString() };
  return [JSON.stringify(header), JSON.stringify({ type: "event" }), JSON.stringify(event)].join(
    "\n",
  );
}

describe("the emulator's Sentry endpoint", () => {
  let emulator: RunningEmulator;
  let dsn: string;

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      app: {
        apiKey: "sink-test",
        apiSecret: randomBytes(16).toString("hex"),
        url: "http://127.0.0.1:1",
      },
    });
    dsn = `http://${randomBytes(16).toString("hex")}@${new URL(emulator.url).host}/${PROJECT}`;
  });

  afterAll(async () => {
    await emulator?.close();
  });

  async function events(): Promise<Array<Record<string, unknown>>> {
    const response = await fetch(`${emulator.url}/__emulator/sentry/events`);
    return ((await response.json()) as { events: Array<Record<string, unknown>> }).events;
  }

  // The Node SDK compresses every envelope over 32 KB, so large events arrive this way.
  it("accepts a gzip-compressed envelope and lists its event", async () => {
    const eventId = randomUUID().replaceAll("-", "");
    const event = { event_id: eventId, level: "error", message: "x".repeat(40_000) };
    const body = gzipSync(envelopeWith(event, dsn));

    const response = await fetch(`${emulator.url}/api/${PROJECT}/envelope/`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-sentry-envelope",
        "Content-Encoding": "gzip",
        "X-Sentry-Auth": `Sentry sentry_version=7, sentry_key=${new URL(dsn).username}`,
      },
      body,
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: eventId });
    const received = (await events()).find((each) => each.event_id === eventId);
    expect(received).toMatchObject({ level: "error", message: event.message });
  });

  it("refuses a body that claims gzip but is not, and keeps nothing of it", async () => {
    const before = (await events()).length;

    const response = await fetch(`${emulator.url}/api/${PROJECT}/envelope/`, {
      method: "POST",
      headers: { "Content-Encoding": "gzip" },
      body: envelopeWith({ event_id: randomUUID().replaceAll("-", "") }, dsn),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ detail: expect.any(String) });
    expect(await events()).toHaveLength(before);
  });
});
