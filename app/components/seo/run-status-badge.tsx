import { Badge } from "@shopify/polaris";

import { useTranslation } from "~/i18n/i18n-provider";
import { isRunStatus } from "~/services/seo/bulk/run-status";

type Tone = "success" | "info" | "attention" | "critical" | undefined;

const TONES: Record<string, Tone> = {
  running: "info",
  undoing: "info",
  cancelling: "attention",
  completed: "success",
  undone: "success",
  failed: "critical",
};

export function RunStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge tone={TONES[status]}>
      {isRunStatus(status) ? t(`bulkRun.statuses.${status}`) : status}
    </Badge>
  );
}
