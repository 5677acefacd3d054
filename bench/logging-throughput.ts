/**
 * Logger throughput: the app's production logger (redaction by key and by shape, context
 * fields, error.log and combined.log) against winston set up as the previous system had it
 * (JSON with a timestamp, error.log and combined.log), writing the same lines in one process.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import winston from "winston";

import { runWithContext } from "../app/observability/context.server";
import { createLogger } from "../app/observability/create-logger.server";

const LINES = 200_000;
const ERROR_EVERY = 100;
const ROUNDS = 3;

export type Throughput = { logger: string; linesPerSecond: number[] };

const fields = (index: number) => ({
  shop: "bench-shop.myshopify.com",
  operation: "ShopInfo",
  attempt: 1,
  ms: index % 50,
  cost: { requested: 3, actual: 3 },
  available: 1_997,
});
const failure = new Error("Admin API operation ShopInfo failed: throttled", {
  cause: new Error("THROTTLED"),
});

function countLines(file: string): number {
  return readFileSync(file, "utf8").split("\n").length - 1;
}

async function runPino(dir: string): Promise<number> {
  const { logger, files } = createLogger({
    level: "info",
    base: { service: "searchlight-seo", environment: "production", release: "bench" },
    pretty: false,
    stdout: false,
    files: {
      errorFile: path.join(dir, "error.log"),
      combinedFile: path.join(dir, "combined.log"),
      maxBytes: 1024 * 1024 * 1024,
      keep: 1,
    },
  });
  const startedAt = performance.now();
  runWithContext(
    { requestId: "0c9e6c1e-5a43-4f55-9f2e-4a8d8f0d3b11", route: "routes/api.trpc.$" },
    () => {
      for (let index = 0; index < LINES; index += 1) {
        if (index % ERROR_EVERY === 0)
          logger.error({ err: failure, ...fields(index) }, "procedure failed");
        else logger.info(fields(index), "admin api call");
      }
    },
  );
  for (const file of files) file.end();
  const elapsed = performance.now() - startedAt;
  if (countLines(path.join(dir, "combined.log")) !== LINES) throw new Error("pino lost lines");
  return elapsed;
}

async function runWinston(dir: string): Promise<number> {
  const logger = winston.createLogger({
    level: "info",
    format: winston.format.combine(
      winston.format.timestamp(),
      winston.format.errors({ stack: true }),
      winston.format.json(),
    ),
    defaultMeta: { service: "searchlight-seo" },
    transports: [
      new winston.transports.File({ filename: path.join(dir, "error.log"), level: "error" }),
      new winston.transports.File({ filename: path.join(dir, "combined.log") }),
    ],
  });
  const finished = Promise.all(
    logger.transports.map(
      (transport) => new Promise((resolve) => transport.once("finish", resolve)),
    ),
  );
  const startedAt = performance.now();
  for (let index = 0; index < LINES; index += 1) {
    const meta = { requestId: "0c9e6c1e-5a43-4f55-9f2e-4a8d8f0d3b11", ...fields(index) };
    if (index % ERROR_EVERY === 0) logger.error("procedure failed", { ...meta, error: failure });
    else logger.info("admin api call", meta);
  }
  logger.end();
  await finished;
  // The file transport reports "finish" before its stream has written everything.
  const combined = path.join(dir, "combined.log");
  while (countLines(combined) < LINES) await new Promise((resolve) => setTimeout(resolve, 5));
  return performance.now() - startedAt;
}

export async function measureThroughput(): Promise<Throughput[]> {
  const results: Throughput[] = [
    { logger: "pino (production: redaction, context, 2 files)", linesPerSecond: [] },
    { logger: "winston (previous system: JSON, 2 files)", linesPerSecond: [] },
  ];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [index, run] of [runPino, runWinston].entries()) {
      const dir = mkdtempSync(path.join(tmpdir(), "searchlight-bench-loggers-"));
      try {
        const ms = await run(dir);
        results[index]?.linesPerSecond.push(LINES / (ms / 1000));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return results;
}

export const THROUGHPUT_BENCH = { lines: LINES, errorEvery: ERROR_EVERY, rounds: ROUNDS };
