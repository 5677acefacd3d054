import type { Logger } from "pino";

declare module "@remix-run/node" {
  /** What server.ts hands every loader and action, built per request. */
  interface AppLoadContext {
    requestId: string;
    log: Logger;
  }
}

export {};
