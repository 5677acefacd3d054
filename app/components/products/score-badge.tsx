import { Badge } from "@shopify/polaris";

import { useTranslation } from "~/i18n/i18n-provider";

/** Where a score stops being good or fair: a product with one missing field scores 60 at most. */
export const GOOD_SCORE = 80;
export const FAIR_SCORE = 50;

export function scoreTone(score: number): "success" | "warning" | "critical" {
  if (score >= GOOD_SCORE) return "success";
  return score >= FAIR_SCORE ? "warning" : "critical";
}

export function ScoreBadge({ score }: { score: number | null }) {
  const { t } = useTranslation();
  if (score === null) return <Badge>{t("products.score.none")}</Badge>;

  const tone = scoreTone(score);
  const key = tone === "success" ? "good" : tone === "warning" ? "fair" : "poor";
  return <Badge tone={tone}>{t(`products.score.${key}`, { score })}</Badge>;
}
