/**
 * npm run emulator -- [--port 4010] [--shop demo.myshopify.com[:products]]... [--products 40]
 *                     [--bucket-size 2000] [--restore-rate 100] [--handle searchlight-seo]
 *
 * The app's credentials come from SHOPIFY_API_KEY, SHOPIFY_API_SECRET and SHOPIFY_APP_URL
 * (or --api-key, --api-secret, --app-url); EMULATOR_PORT, SCOPES and LOG_LEVEL are read too.
 */
import { parseArgs } from "node:util";
import { startEmulator, type ShopInput } from "./index";
import { createEmulatorLogger } from "./logger";
import { DEFAULT_BUCKET } from "./shopify/bucket";
import { isShopDomain } from "./shopify/shops";

const DEFAULT_PORT = 4010;
const DEFAULT_SHOP = "searchlight-demo.myshopify.com";
const DEFAULT_PRODUCTS = 40;

function fail(message: string): never {
  process.stderr.write(`emulator: ${message}\n`);
  process.exit(1);
}

function required(value: string | undefined, variable: string, flag: string): string {
  const chosen = value ?? process.env[variable];
  if (!chosen) fail(`set ${variable} or pass --${flag}`);
  return chosen;
}

function positiveNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) fail(`${name} must be a non-negative number`);
  return number;
}

function shopInputs(values: string[], defaultProducts: number): ShopInput[] {
  return (values.length > 0 ? values : [DEFAULT_SHOP]).map((value) => {
    const [domain = "", products] = value.split(":");
    if (!isShopDomain(domain)) fail(`--shop ${value}: the domain must look like x.myshopify.com`);
    return { domain, products: positiveNumber(products, "--shop products") ?? defaultProducts };
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      "api-key": { type: "string" },
      "api-secret": { type: "string" },
      "app-url": { type: "string" },
      handle: { type: "string" },
      scopes: { type: "string" },
      shop: { type: "string", multiple: true, default: [] },
      products: { type: "string" },
      "bucket-size": { type: "string" },
      "restore-rate": { type: "string" },
      "log-level": { type: "string" },
    },
  });

  const port = positiveNumber(values.port ?? process.env.EMULATOR_PORT, "port") ?? DEFAULT_PORT;
  const bucketSize = positiveNumber(values["bucket-size"], "--bucket-size");
  const restoreRate = positiveNumber(values["restore-rate"], "--restore-rate");
  const level = values["log-level"] ?? process.env.LOG_LEVEL ?? "info";
  const logger = createEmulatorLogger(level, process.stdout.isTTY);
  const defaultProducts = positiveNumber(values.products, "--products") ?? DEFAULT_PRODUCTS;

  const emulator = await startEmulator({
    port,
    app: {
      apiKey: required(values["api-key"], "SHOPIFY_API_KEY", "api-key"),
      apiSecret: required(values["api-secret"], "SHOPIFY_API_SECRET", "api-secret"),
      url: required(values["app-url"], "SHOPIFY_APP_URL", "app-url"),
      handle: values.handle,
      scopes: values.scopes ?? process.env.SCOPES,
    },
    bucket: {
      size: bucketSize ?? DEFAULT_BUCKET.size,
      restoreRate: restoreRate ?? DEFAULT_BUCKET.restoreRate,
    },
    shops: shopInputs(values.shop, defaultProducts),
    logger,
  });

  const health = await fetch(`${emulator.url}/__emulator/shops`);
  const { shops } = (await health.json()) as { shops: Array<{ domain: string; adminUrl: string }> };
  process.stdout.write(`Shopify emulator listening on ${emulator.url}\n`);
  for (const shop of shops) process.stdout.write(`  ${shop.domain}: ${shop.adminUrl}\n`);

  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
