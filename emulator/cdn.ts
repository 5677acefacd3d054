import type { RequestHandler } from "express";
import { hashSeed } from "./fixtures/prng";
import { noteRequest } from "./journal";

const SWATCHES = ["#d9c5b2", "#a3b18a", "#588157", "#cdb4db", "#ffc8dd", "#bde0fe", "#e9c46a"];

/**
 * GET /cdn/:shop/products/:file answers product image URLs with a small generated SVG, so
 * pages showing product images never reach Shopify's real CDN.
 */
export const cdnRoute: RequestHandler = (req, res) => {
  const file = String(req.params.file);
  noteRequest(res, { kind: "cdn", shop: String(req.params.shop) });
  if (!/^[a-z0-9-]+\.svg$/.test(file)) {
    res.status(404).end();
    return;
  }

  const color = SWATCHES[hashSeed(file) % SWATCHES.length] ?? "#ccc";
  const label = file.replace(/\.svg$/, "").replace(/-/g, " ");
  res.set("Cache-Control", "public, max-age=86400");
  res
    .type("image/svg+xml")
    .send(
      `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="1200" ` +
        `viewBox="0 0 1200 1200">` +
        `<rect width="1200" height="1200" fill="${color}"/>` +
        `<text x="600" y="620" font-family="sans-serif" font-size="48" text-anchor="middle" ` +
        `fill="#333">${label}</text></svg>`,
    );
};
