import { pino } from "pino";
import { describe, expect, it } from "vitest";

import { Lifecycle, ServiceStartError, type Service } from "~/lifecycle.server";

function recorder() {
  const events: string[] = [];
  const service = (name: string, failOn?: "start" | "stop"): Service => ({
    name,
    start: async () => {
      if (failOn === "start") throw new Error(`${name} is broken`);
      events.push(`start ${name}`);
    },
    stop: async () => {
      if (failOn === "stop") throw new Error(`${name} will not stop`);
      events.push(`stop ${name}`);
    },
  });
  return { events, service };
}

const silent = pino({ level: "silent" });

describe("Lifecycle", () => {
  it("starts in order and stops in reverse", async () => {
    const { events, service } = recorder();
    const lifecycle = new Lifecycle(silent).register(service("db")).register(service("http"));

    await lifecycle.startAll();
    expect(await lifecycle.stopAll()).toBe(true);

    expect(events).toEqual(["start db", "start http", "stop http", "stop db"]);
  });

  it("names the service that failed and stops only what had started", async () => {
    const { events, service } = recorder();
    const lifecycle = new Lifecycle(silent)
      .register(service("db"))
      .register(service("scheduler", "start"))
      .register(service("http"));

    const failure = await lifecycle.startAll().catch((error: unknown) => error);
    await lifecycle.stopAll();

    expect(failure).toBeInstanceOf(ServiceStartError);
    expect((failure as ServiceStartError).service).toBe("scheduler");
    expect(events).toEqual(["start db", "stop db"]);
  });

  it("keeps stopping the rest when one service fails to stop", async () => {
    const { events, service } = recorder();
    const lifecycle = new Lifecycle(silent)
      .register(service("db"))
      .register(service("cache", "stop"))
      .register(service("http"));

    await lifecycle.startAll();

    expect(await lifecycle.stopAll()).toBe(false);
    expect(events).toEqual(["start db", "start cache", "start http", "stop http", "stop db"]);
  });
});
