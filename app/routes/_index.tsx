import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

/**
 * Shopify opens the app URL with the shop in the query; the app itself lives under /app. A
 * visitor without a shop is sent to the same place and authentication explains what is missing.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return redirect(`/app${url.search}`);
}
