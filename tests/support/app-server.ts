import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export interface AppServer {
  url: string;
  /** Every log line the server wrote, parsed, in order. */
  logs: Array<Record<string, unknown>>;
  /** Sends a signal and resolves with the exit code once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A port nobody is listening on right now, for a server whose address must be known early. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(address),
      );
    });
  });
}

function collectJsonLines(child: ChildProcess, into: Array<Record<string, unknown>>) {
  let pending = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        into.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        into.push({ msg: line, unparsed: true });
      }
    }
  });
}

/**
 * Starts the real server (server.ts over the production build) as a child process, the way it
 * runs in production, and waits until /healthz answers.
 */
export async function startAppServer(options: {
  port: number;
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<AppServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const logs: Array<Record<string, unknown>> = [];
  const stderr: string[] = [];
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      LOG_LEVEL: "debug",
      PORT: String(options.port),
      LISTEN_HOST: "127.0.0.1",
      SHOPIFY_APP_URL: url,
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  collectJsonLines(child, logs);
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => stderr.push(chunk));

  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`app server exited with ${child.exitCode}: ${stderr.join("")}`);
    }
    const healthy = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) {
      return {
        url,
        logs,
        stop: (signal = "SIGTERM") => {
          if (child.exitCode === null) child.kill(signal);
          return exited;
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`app server did not become healthy: ${stderr.join("")}`);
}
