/**
 * The cost of logging, measured side by side in one run:
 *   1. requests per second on the authenticated tRPC route with LOG_LEVEL=info against silent;
 *   2. lines per second of the production logger against winston as the previous system had it.
 *
 *   npm run bench:logging
 */
import { measureRequestCost, REQUEST_BENCH, type RequestCost } from "./logging-requests";
import { measureThroughput, THROUGHPUT_BENCH } from "./logging-throughput";

function print(line = "") {
  process.stdout.write(`${line}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function summarise(results: RequestCost[], mode: RequestCost["mode"]) {
  const runs = results.filter((result) => result.mode === mode);
  return {
    requestsPerSecond: mean(runs.map((run) => run.requestsPerSecond)),
    p50: mean(runs.map((run) => run.p50)),
    p99: mean(runs.map((run) => run.p99)),
    each: runs.map((run) => Math.round(run.requestsPerSecond)).join(", "),
  };
}

async function main() {
  const throughput = await measureThroughput();
  const requests = await measureRequestCost();

  const { connections, durationSeconds, rounds } = REQUEST_BENCH;
  print(
    `shop.info (tRPC, authenticated), ${connections} connections, ${durationSeconds} s per run,`,
  );
  print(`${rounds} runs per level, alternating:`);
  const info = summarise(requests, "info");
  const silent = summarise(requests, "silent");
  for (const [label, result] of [
    ["info", info],
    ["silent", silent],
  ] as const) {
    print(
      `  LOG_LEVEL=${label.padEnd(7)} ${Math.round(result.requestsPerSecond)} req/s (runs: ${result.each})   p50 ${result.p50.toFixed(1)} ms   p99 ${result.p99.toFixed(1)} ms`,
    );
  }
  print(
    `  info / silent throughput: ${(info.requestsPerSecond / silent.requestsPerSecond).toFixed(3)} (goal >= 0.9)`,
  );
  print();

  print(
    `${THROUGHPUT_BENCH.lines.toLocaleString("en")} lines (1 in ${THROUGHPUT_BENCH.errorEvery} an error with a cause), median of ${THROUGHPUT_BENCH.rounds} runs:`,
  );
  for (const result of throughput) {
    print(
      `  ${result.logger.padEnd(50)} ${Math.round(median(result.linesPerSecond)).toLocaleString("en")} lines/s`,
    );
  }
  const [pino, winston] = throughput.map((result) => median(result.linesPerSecond));
  print(`  pino / winston: ${((pino ?? 0) / (winston ?? 1)).toFixed(2)}x`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
