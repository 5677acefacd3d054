import type { HeadersFunction, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisEnglish from "@shopify/polaris/locales/en.json";
import polarisFrench from "@shopify/polaris/locales/fr.json";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";

import { prisma } from "~/db.server";
import { env } from "~/env.server";
import { I18nProvider, useTranslation } from "~/i18n/i18n-provider";
import { resolveLocale } from "~/i18n/locales";
import { identifyShop } from "~/observability/sentry.server";
import { authenticate } from "~/shopify.server";
import { TrpcProvider } from "~/trpc/react";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: polarisStyles }];

const POLARIS_TRANSLATIONS = { en: polarisEnglish, fr: polarisFrench };

export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  // Named before the query, so a failure to read the shop is logged and reported with it.
  identifyShop({ domain: session.shop });

  const shop = await prisma.shop.findUnique({
    where: { domain: session.shop },
    select: {
      appLanguage: true,
      name: true,
      email: true,
      activePlan: { select: { planName: true } },
    },
  });
  const shopUser = identifyShop({
    domain: session.shop,
    name: shop?.name,
    email: shop?.email,
    plan: shop?.activePlan?.planName,
  });

  return {
    apiKey: env.SHOPIFY_API_KEY,
    appBridgeUrl: env.APP_BRIDGE_URL ?? null,
    locale: resolveLocale(shop?.appLanguage),
    shopUser,
  };
}

function Navigation() {
  const { t } = useTranslation();
  return (
    <NavMenu>
      <Link to="/app" rel="home">
        {t("nav.dashboard")}
      </Link>
      <Link to="/app/products">{t("nav.products")}</Link>
      <Link to="/app/templates">{t("nav.templates")}</Link>
      <Link to="/app/settings">{t("nav.settings")}</Link>
    </NavMenu>
  );
}

export default function AppLayout() {
  const { apiKey, appBridgeUrl, locale } = useLoaderData<typeof loader>();

  return (
    <AppProvider
      isEmbeddedApp
      apiKey={apiKey}
      i18n={POLARIS_TRANSLATIONS[locale]}
      {...(appBridgeUrl ? { __APP_BRIDGE_URL: appBridgeUrl } : {})}
    >
      <I18nProvider locale={locale}>
        <TrpcProvider>
          <Navigation />
          <Outlet />
        </TrpcProvider>
      </I18nProvider>
    </AppProvider>
  );
}

// Shopify's boundary helpers let the bounce page and auth redirects through unchanged.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
