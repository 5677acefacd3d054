import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "~/env-schema.server";

const VALID = {
  SHOPIFY_API_KEY: "test-api-key",
  SHOPIFY_API_SECRET: "test-api-secret",
  SHOPIFY_APP_URL: "https://searchlight.example.com",
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error("expected the environment to be refused");
}

describe("parseEnv", () => {
  it("applies defaults to a minimal environment", () => {
    const env = parseEnv(VALID);

    expect(env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      LOG_LEVEL: "info",
      SCOPES: "read_products,write_products",
      DATABASE_URL: "file:./data/dev.sqlite",
    });
    expect(env.SHOPIFY_EMULATOR_URL).toBeUndefined();
  });

  it("names every missing required variable", () => {
    expect(problemsOf({})).toEqual([
      "SHOPIFY_API_KEY is required",
      "SHOPIFY_API_SECRET is required",
      "SHOPIFY_APP_URL is required",
    ]);
  });

  it("names a malformed variable and what it expects", () => {
    expect(problemsOf({ ...VALID, PORT: "eighty" })).toEqual([expect.stringMatching(/^PORT /)]);
    expect(problemsOf({ ...VALID, SHOPIFY_APP_URL: "not a url" })).toEqual([
      "SHOPIFY_APP_URL must be the app's public http(s) URL",
    ]);
    expect(problemsOf({ ...VALID, DATABASE_URL: "mysql://db" })).toEqual([
      expect.stringMatching(/^DATABASE_URL must start with file: \(SQLite\) or postgres:\/\//),
    ]);
    expect(problemsOf({ ...VALID, LOG_LEVEL: "loud" })).toEqual([
      expect.stringMatching(/^LOG_LEVEL /),
    ]);
  });

  it("accepts PostgreSQL and SQLite database URLs", () => {
    expect(parseEnv({ ...VALID, DATABASE_URL: "postgresql://u@127.0.0.1/db" }).DATABASE_URL).toBe(
      "postgresql://u@127.0.0.1/db",
    );
    expect(parseEnv({ ...VALID, DATABASE_URL: "file:/tmp/x.sqlite" }).DATABASE_URL).toBe(
      "file:/tmp/x.sqlite",
    );
  });

  it("puts the message in the thrown error", () => {
    expect(() => parseEnv({})).toThrow(/Invalid environment:\n {2}- SHOPIFY_API_KEY is required/);
  });
});

describe("emulator settings", () => {
  it("accepts loopback emulator URLs outside production", () => {
    for (const url of ["http://127.0.0.1:4010", "http://localhost:4010", "http://[::1]:4010"]) {
      const env = parseEnv({ ...VALID, SHOPIFY_EMULATOR_URL: url, APP_BRIDGE_URL: `${url}/ab.js` });
      expect(env.SHOPIFY_EMULATOR_URL).toBe(url);
    }
  });

  it("refuses an emulator that is not on a loopback address", () => {
    for (const key of ["SHOPIFY_EMULATOR_URL", "APP_BRIDGE_URL"]) {
      expect(problemsOf({ ...VALID, [key]: "http://10.0.0.5:4010" })).toEqual([
        `${key} must point at a loopback address (127.0.0.1, localhost or [::1])`,
      ]);
      expect(problemsOf({ ...VALID, [key]: "http://127.0.0.1.example.com" })).toHaveLength(1);
    }
  });

  it("refuses emulator settings in production", () => {
    const problems = problemsOf({
      ...VALID,
      NODE_ENV: "production",
      SHOPIFY_EMULATOR_URL: "http://127.0.0.1:4010",
      APP_BRIDGE_URL: "http://127.0.0.1:4010/app-bridge.js",
    });

    expect(problems).toEqual([
      "SHOPIFY_EMULATOR_URL is an emulator setting and is refused when NODE_ENV is production",
      "APP_BRIDGE_URL is an emulator setting and is refused when NODE_ENV is production",
    ]);
  });

  it("sets up observability with no DSN, no log files and the package's version", () => {
    const env = parseEnv(VALID);

    expect(env).toMatchObject({
      APP_VERSION: expect.stringMatching(/^\d+\.\d+\.\d+/),
      SENTRY_TRACES_SAMPLE_RATE: 0.1,
      SENTRY_PROFILES_SAMPLE_RATE: 0,
      LOG_FILE_MAX_BYTES: 10 * 1024 * 1024,
      LOG_FILE_COUNT: 5,
    });
    expect(env.SENTRY_DSN).toBeUndefined();
    expect(env.LOG_DIR).toBeUndefined();
  });

  it("accepts a Sentry DSN, a remote one as much as the emulator's", () => {
    for (const dsn of ["https://abc123@o1.ingest.sentry.io/4242", "http://k@127.0.0.1:4010/1"]) {
      expect(parseEnv({ ...VALID, SENTRY_DSN: dsn }).SENTRY_DSN).toBe(dsn);
    }
  });

  it("names a malformed DSN, sample rate or log file setting", () => {
    expect(problemsOf({ ...VALID, SENTRY_DSN: "https://o1.ingest.sentry.io/4242" })).toEqual([
      "SENTRY_DSN must be a Sentry DSN: https://<key>@<host>/<project>",
    ]);
    expect(problemsOf({ ...VALID, SENTRY_TRACES_SAMPLE_RATE: "1.5" })).toEqual([
      "SENTRY_TRACES_SAMPLE_RATE must be a sample rate between 0 and 1",
    ]);
    expect(problemsOf({ ...VALID, LOG_FILE_MAX_BYTES: "10" })).toEqual([
      expect.stringMatching(/^LOG_FILE_MAX_BYTES /),
    ]);
    expect(problemsOf({ ...VALID, LOG_FILE_COUNT: "0" })).toEqual([
      expect.stringMatching(/^LOG_FILE_COUNT /),
    ]);
  });
});
