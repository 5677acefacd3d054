import type { Logger } from "~/observability/logger.server";

export interface Service {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export class ServiceStartError extends Error {
  constructor(
    readonly service: string,
    options: { cause: unknown },
  ) {
    super(`service "${service}" failed to start`, options);
    this.name = "ServiceStartError";
  }
}

/**
 * Starts services in registration order and stops the started ones in reverse, so that a service
 * can rely on everything registered before it for its whole life.
 */
export class Lifecycle {
  private readonly services: Service[] = [];
  private readonly started: Service[] = [];

  constructor(private readonly log: Logger) {}

  register(service: Service): this {
    this.services.push(service);
    return this;
  }

  async startAll(): Promise<void> {
    for (const service of this.services) {
      const startedAt = performance.now();
      try {
        await service.start();
      } catch (cause) {
        throw new ServiceStartError(service.name, { cause });
      }
      this.started.push(service);
      this.log.info({ name: service.name, ms: elapsed(startedAt) }, "service started");
    }
  }

  /** Stops every started service, even when one of them fails; returns whether all stopped. */
  async stopAll(): Promise<boolean> {
    let clean = true;
    for (const service of this.started.splice(0).reverse()) {
      const startedAt = performance.now();
      try {
        await service.stop();
        this.log.info({ name: service.name, ms: elapsed(startedAt) }, "service stopped");
      } catch (err) {
        clean = false;
        this.log.error({ name: service.name, err }, "service failed to stop");
      }
    }
    return clean;
  }
}

function elapsed(since: number): number {
  return Math.round(performance.now() - since);
}
