import type { Database } from "~/db.server";
import { observeJob } from "~/observability/job.server";
import type { Logger } from "~/observability/logger.server";
import type { AdminClient } from "~/services/shopify/client.server";

import { applyBatch } from "./apply-batch.server";
import type { BatchContext } from "./batch-context.server";
import { reconcileSending } from "./reconcile-sending.server";
import { TEMPLATE_READ_SIZE } from "./products-for-templates";
import { ACTIVE_RUN_STATUSES, UNDO_CANDIDATE_STATUSES, type RunStatus } from "./run-status";
import { RunLeases } from "./run-lease.server";
import { RUN_ITEM_FIELDS } from "./seo-values";
import { undoBatch } from "./undo-batch.server";

export interface BulkRunWorkerOptions {
  db: Database;
  log: Logger;
  clientForShop: (shop: string, log: Logger) => Promise<AdminClient>;
  /** Updates in flight at once per run (the shop's cost bucket paces them further). */
  concurrency?: number;
  /** Consecutive failed batches before a run is marked failed. */
  maxFailures?: number;
  /** How long stop() waits for in-flight work to wind down. */
  stopGraceMs?: number;
  /** How long this instance's claim on a run lasts unless renewed (default 30 s). */
  leaseMs?: number;
}

type LoadedRun = NonNullable<Awaited<ReturnType<typeof loadRun>>>;
type Step = "continue" | "done";

const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;

function loadRun(db: Database, runId: string) {
  return db.bulkRun.findUnique({
    where: { id: runId },
    include: { shop: { select: { domain: true, name: true, language: true } } },
  });
}

/**
 * Works through bulk runs in the background, one loop per active run, from the items' own
 * statuses: a run picked up after a restart carries on from its first unfinished item. Several
 * app instances may share the database: a run is worked only by the instance holding its
 * lease, and taken over when that instance dies. See docs/decisions/013-durable-bulk-seo-runs.md.
 */
export class BulkRunWorker {
  private controller = new AbortController();
  private accepting = false;
  private readonly loops = new Map<string, Promise<void>>();
  private readonly wakeAgain = new Set<string>();
  private readonly stopRequested = new Set<string>();
  private readonly leases: RunLeases;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(private readonly options: BulkRunWorkerOptions) {
    this.leases = new RunLeases(options.db, options.leaseMs ?? 30_000);
  }

  /**
   * Resumes every run left active that no live instance holds, then keeps looking for runs
   * whose instance stopped renewing its lease.
   */
  async start(): Promise<void> {
    this.controller = new AbortController();
    this.accepting = true;
    const resumed = await this.wakeUnclaimed();
    this.sweeper = setInterval(() => {
      this.wakeUnclaimed().catch((err: unknown) =>
        this.options.log.warn({ err }, "bulk runs to take over could not be read"),
      );
    }, this.leases.ms);
    this.sweeper.unref();
    this.options.log.info({ resumed }, "bulk run worker started");
  }

  /**
   * Aborts in-flight calls (their items stay "sending" and are checked on resume) and hands
   * this instance's runs back, so another instance, or this one restarted, resumes them at once.
   */
  async stop(): Promise<void> {
    this.accepting = false;
    clearInterval(this.sweeper);
    this.controller.abort(new Error("the server is shutting down"));
    const held = [...this.loops.keys()];
    const settled = Promise.allSettled([...this.loops.values()]);
    await Promise.race([settled, delay(this.options.stopGraceMs ?? 5_000)]);
    await Promise.all(held.map((runId) => this.leases.release(runId)));
  }

  /** Wakes the active runs whose lease is free or expired; returns how many there were. */
  private async wakeUnclaimed(): Promise<number> {
    const runs = await this.options.db.bulkRun.findMany({
      where: {
        status: { in: [...ACTIVE_RUN_STATUSES] },
        OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lt: new Date() } }],
      },
      select: { id: true, shop: { select: { domain: true } } },
      orderBy: { createdAt: "asc" },
    });
    const fresh = runs.filter((run) => !this.loops.has(run.id));
    for (const run of fresh) this.wake(run.id, run.shop.domain);
    return fresh.length;
  }

  /**
   * Makes sure the run of `shop` is being worked on, e.g. after it was started, cancelled or
   * undone. Each loop is a job of its own: its lines carry the run and the shop, not the request
   * that woke it.
   */
  wake(runId: string, shop: string): void {
    if (!this.accepting) return;
    if (this.loops.has(runId)) {
      this.wakeAgain.add(runId);
      return;
    }
    const { log } = this.options;
    const loop = observeJob("bulk-seo-run", { log, shop, runId }, () =>
      this.work(runId).catch((err: unknown) => log.error({ err }, "bulk run loop crashed")),
    ).finally(() => {
      this.loops.delete(runId);
      this.stopRequested.delete(runId);
      if (this.wakeAgain.delete(runId)) this.wake(runId, shop);
    });
    this.loops.set(runId, loop);
  }

  /**
   * A cancel was recorded for the run: this process stops sending its items at once, rather
   * than after the batch in flight (another instance sees the status between batches).
   */
  cancelled(runId: string, shop: string): void {
    if (this.loops.has(runId)) this.stopRequested.add(runId);
    this.wake(runId, shop);
  }

  /** Resolves once no run is being worked on; for tests and shutdown. */
  async idle(): Promise<void> {
    while (this.loops.size > 0) await Promise.allSettled([...this.loops.values()]);
  }

  private async work(runId: string): Promise<void> {
    const { db } = this.options;
    const signal = this.controller.signal;
    // The job's scope puts the run id and the shop on every line.
    const { log } = this.options;
    let client: AdminClient | null = null;
    let failures = 0;

    while (!signal.aborted) {
      if (!(await this.leases.claim(runId))) {
        log.debug("bulk run is worked by another instance");
        return;
      }
      const run = await loadRun(db, runId);
      if (!run) return;
      try {
        const shopClient = (client ??= await this.options.clientForShop(run.shop.domain, log));
        const step = await this.leases.hold(runId, signal, (held) =>
          this.step(run, { db, client: shopClient, log, signal: held, shopId: run.shopId }),
        );
        failures = 0;
        if (step === "done") return;
      } catch (err) {
        if (signal.aborted) return;
        failures += 1;
        if (failures >= (this.options.maxFailures ?? 6)) {
          await this.finish(run, "failed", errorMessage(err));
          log.error({ err, failures }, "bulk run failed");
          return;
        }
        log.warn({ err, failures }, "bulk run batch failed; retrying");
        const wait = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (failures - 1));
        if (!(await delay(wait, signal))) return;
      }
    }
  }

  private async step(
    run: LoadedRun,
    base: Omit<BatchContext, "concurrency" | "stopRequested">,
  ): Promise<Step> {
    const context: BatchContext = {
      ...base,
      concurrency: this.options.concurrency ?? 8,
      stopRequested: () => this.stopRequested.has(run.id),
    };
    const { db } = this.options;
    // Every item up to the checkpoint is settled: a resumed run reads only the items after it.
    const next = (statuses: readonly string[], after = -1) =>
      db.bulkRunItem.findMany({
        where: { runId: run.id, position: { gt: after }, status: { in: [...statuses] } },
        orderBy: { position: "asc" },
        take: TEMPLATE_READ_SIZE,
        select: RUN_ITEM_FIELDS,
      });

    switch (run.status as RunStatus) {
      case "queued":
        await db.bulkRun.updateMany({
          where: { id: run.id, status: "queued" },
          data: { status: "running", startedAt: new Date() },
        });
        return "continue";
      case "running": {
        const items = await next(["pending", "sending"], run.checkpoint);
        if (items.length === 0) return this.finish(run, "completed");
        const templates = { title: run.titleTemplate, description: run.descriptionTemplate };
        const shop = { name: run.shop.name, language: run.shop.language };
        await applyBatch(context, { id: run.id, templates, shop }, items);
        await this.saveCheckpoint(run);
        return "continue";
      }
      case "cancelling": {
        // Updates that may have landed are settled first, so the counts and undo stay exact.
        const interrupted = await next(["sending"], run.checkpoint);
        const notApplied = await reconcileSending(context, interrupted);
        await db.bulkRunItem.updateMany({
          where: { id: { in: notApplied.map((item) => item.id) }, status: "sending" },
          data: { status: "pending" },
        });
        if (interrupted.length === TEMPLATE_READ_SIZE) return "continue";
        await this.saveCheckpoint(run);
        return this.finish(run, "cancelled");
      }
      case "undoing": {
        const items = await next(UNDO_CANDIDATE_STATUSES);
        if (items.length === 0) return this.finish(run, "undone");
        await undoBatch(context, items);
        return "continue";
      }
      default:
        return "done";
    }
  }

  /**
   * Ends the run and frees the shop's active slot, unless its status moved meanwhile (a cancel
   * arriving as the last batch finished): then the loop reads the run again.
   */
  private async finish(run: LoadedRun, to: RunStatus, error: string | null = null): Promise<Step> {
    const finished = await this.options.db.bulkRun.updateMany({
      where: { id: run.id, status: run.status },
      data: {
        status: to,
        activeShopId: null,
        finishedAt: new Date(),
        error,
        leaseOwner: null,
        leaseExpiresAt: null,
      },
    });
    if (finished.count === 0) return "continue";

    const counts = await this.options.db.bulkRun.findUnique({
      where: { id: run.id },
      select: { total: true, succeeded: true, skipped: true, failed: true },
    });
    const ms = run.startedAt ? Date.now() - run.startedAt.getTime() : null;
    this.options.log.info(
      { runId: run.id, shop: run.shop.domain, status: to, ...counts, ms },
      "bulk SEO run finished",
    );
    return "done";
  }

  /** The position before the first item still to do: where the run, resumed, carries on. */
  private async saveCheckpoint(run: LoadedRun): Promise<void> {
    const { db } = this.options;
    const firstOpen = await db.bulkRunItem.findFirst({
      where: {
        runId: run.id,
        position: { gt: run.checkpoint },
        status: { in: ["pending", "sending"] },
      },
      orderBy: { position: "asc" },
      select: { position: true },
    });
    await db.bulkRun.update({
      where: { id: run.id },
      data: { checkpoint: (firstOpen?.position ?? run.total) - 1 },
    });
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Resolves true after `ms`, or false as soon as the signal fires. */
function delay(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
