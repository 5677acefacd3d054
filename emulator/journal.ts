import type { RequestHandler, Response } from "express";
import type { Logger } from "pino";

export type JournalKind =
  "token-exchange" | "graphql" | "frame" | "app-bridge" | "cdn" | "control" | "webhook" | "other";

export type JournalCost = { requested: number; actual: number | null };

export type JournalEntry = {
  id: number;
  time: string;
  method: string;
  path: string;
  shop: string | null;
  kind: JournalKind;
  operationName: string | null;
  status: number;
  cost: JournalCost | null;
  durationMs: number;
  /** The fault injected into this request, if any (see faults.ts). */
  fault?: string;
  /** Webhook deliveries: the id Shopify repeats on every retry, and which try this was. */
  webhookId?: string;
  attempt?: number;
};

/** What a route knows about its request beyond method, path and status. */
export type JournalNote = {
  kind?: JournalKind;
  shop?: string;
  operationName?: string | null;
  cost?: JournalCost;
  fault?: string;
};

export type JournalFilter = { shop?: string; kind?: string };

// Enough for any test or demo run while keeping a long benchmark from growing without bound.
const DEFAULT_LIMIT = 20_000;

export class Journal {
  private entries: JournalEntry[] = [];
  private nextId = 1;

  constructor(private readonly limit = DEFAULT_LIMIT) {}

  record(entry: Omit<JournalEntry, "id">): void {
    this.entries.push({ id: this.nextId, ...entry });
    this.nextId += 1;
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  list(filter: JournalFilter = {}): JournalEntry[] {
    return this.entries.filter(
      (entry) =>
        (filter.shop === undefined || entry.shop === filter.shop) &&
        (filter.kind === undefined || entry.kind === filter.kind),
    );
  }

  clear(): void {
    this.entries = [];
  }
}

export function noteRequest(res: Response, note: JournalNote): void {
  res.locals.journal = { ...(res.locals.journal as JournalNote | undefined), ...note };
}

export function journalMiddleware(
  journal: Journal,
  clock: () => number,
  logger: Logger,
): RequestHandler {
  return (req, res, next) => {
    const started = clock();
    let recorded = false;
    const record = () => {
      if (recorded) return;
      recorded = true;
      const note = (res.locals.journal ?? {}) as JournalNote;
      const entry = {
        time: new Date(started).toISOString(),
        method: req.method,
        path: req.originalUrl.split("?")[0] ?? req.path,
        shop: note.shop ?? null,
        kind: note.kind ?? "other",
        operationName: note.operationName ?? null,
        status: res.writableFinished ? res.statusCode : 0,
        cost: note.cost ?? null,
        durationMs: clock() - started,
        ...(note.fault && { fault: note.fault }),
      };
      journal.record(entry);
      logger.debug(entry, "request");
    };
    res.on("finish", record);
    // A connection reset by a fault never finishes: it is journaled with status 0.
    res.on("close", record);
    next();
  };
}
