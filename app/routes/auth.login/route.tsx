import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import polarisEnglish from "@shopify/polaris/locales/en.json";
import polarisFrench from "@shopify/polaris/locales/fr.json";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { AppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import { LoginErrorType } from "@shopify/shopify-app-remix/server";
import { useState } from "react";

import { resolveLocale } from "~/i18n/locales";
import { createTranslator, type MessageKey } from "~/i18n/translate";
import { login } from "~/shopify.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: polarisStyles }];

const POLARIS_TRANSLATIONS = { en: polarisEnglish, fr: polarisFrench };

const ERROR_KEYS: Partial<Record<LoginErrorType, MessageKey>> = {
  [LoginErrorType.MissingShop]: "login.errors.missingShop",
  [LoginErrorType.InvalidShop]: "login.errors.invalidShop",
};

/** The browser's first language, as no shop (and so no shop setting) is known yet. */
function requestLocale(request: Request) {
  const first = request.headers.get("Accept-Language")?.split(",")[0]?.split("-")[0];
  return resolveLocale(first);
}

async function attemptLogin(request: Request) {
  const errors = await login(request);
  return {
    locale: requestLocale(request),
    errorKey: errors.shop ? (ERROR_KEYS[errors.shop] ?? null) : null,
  };
}

/**
 * Where a merchant lands when opening the app outside the Shopify admin: once the shop domain
 * is entered, Shopify takes them to the app inside their admin.
 */
export const loader = ({ request }: LoaderFunctionArgs) => attemptLogin(request);
export const action = ({ request }: ActionFunctionArgs) => attemptLogin(request);

export default function Login() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const t = createTranslator(loaderData.locale);
  const errorKey = actionData?.errorKey ?? loaderData.errorKey;

  return (
    <AppProvider i18n={POLARIS_TRANSLATIONS[loaderData.locale]}>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h1">
                {t("login.title")}
              </Text>
              <TextField
                type="text"
                name="shop"
                label={t("login.shopLabel")}
                helpText={t("login.helpText")}
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={errorKey ? t(errorKey) : undefined}
              />
              <Button submit>{t("login.submit")}</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AppProvider>
  );
}
