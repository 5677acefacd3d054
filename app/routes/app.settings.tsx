import { useRevalidator } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { BlockStack, Button, Card, Layout, Page, Select } from "@shopify/polaris";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

import { useTranslation } from "~/i18n/i18n-provider";
import { SUPPORTED_LOCALES, type Locale } from "~/i18n/locales";
import { useTRPC } from "~/trpc/react";

export default function Settings() {
  const { t, locale } = useTranslation();
  const trpc = useTRPC();
  const shopify = useAppBridge();
  const revalidator = useRevalidator();
  const [language, setLanguage] = useState<Locale>(locale);

  const save = useMutation(
    trpc.shop.updateSettings.mutationOptions({
      onSuccess: () => {
        shopify.toast.show(t("settings.saved"));
        revalidator.revalidate();
      },
      onError: (error) => {
        shopify.toast.show(t("settings.saveError", { message: error.message }), { isError: true });
      },
    }),
  );

  const options = SUPPORTED_LOCALES.map((value) => ({
    value,
    label: t(`settings.language.${value}`),
  }));

  return (
    <Page title={t("settings.title")}>
      <Layout>
        <Layout.AnnotatedSection
          title={t("settings.language.title")}
          description={t("settings.language.description")}
        >
          <Card>
            <BlockStack gap="300">
              <Select
                label={t("settings.language.label")}
                options={options}
                value={language}
                onChange={(value) => setLanguage(value as Locale)}
              />
              <Button
                variant="primary"
                loading={save.isPending}
                disabled={language === locale}
                onClick={() => save.mutate({ appLanguage: language })}
              >
                {t("settings.save")}
              </Button>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
