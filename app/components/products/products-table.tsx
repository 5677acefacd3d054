import { useNavigate } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Card,
  ChoiceList,
  EmptyState,
  IndexFilters,
  IndexTable,
  Link,
  Text,
  useIndexResourceState,
  useSetIndexFiltersMode,
  type IndexFiltersProps,
} from "@shopify/polaris";
import type { inferRouterOutputs } from "@trpc/server";
import { useEffect } from "react";

import { useTranslation } from "~/i18n/i18n-provider";
import {
  productEditorPath,
  TEMPLATES_PATH,
  templatesUrlFor,
} from "~/services/catalog/product-selection";
import type { ProductSortKey, SortDirection } from "~/services/catalog/product-list-input";
import { AUDIT_RULE_IDS, type AuditRuleId } from "~/services/seo/audit-rules";
import type { AppRouter } from "~/trpc/root.server";

import { IssueBadges } from "./issue-badges";
import { ruleText } from "./rule-text";
import { ScoreBadge } from "./score-badge";
import type { ProductListState } from "./use-product-list-state";

type ProductPage = inferRouterOutputs<AppRouter>["products"]["list"];

// The table's sortable columns, by heading position.
const SORTABLE_COLUMNS: Array<ProductSortKey | null> = ["title", null, "score", null, "updatedAt"];

const STATUS_TONES: Record<string, "success" | "info" | undefined> = {
  ACTIVE: "success",
  DRAFT: "info",
};

function StatusBadge({ status }: { status: string | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  const known = ["ACTIVE", "DRAFT", "ARCHIVED", "UNLISTED"] as const;
  const key = known.find((value) => value === status);
  return <Badge tone={STATUS_TONES[status]}>{key ? t(`products.status.${key}`) : status}</Badge>;
}

export function ProductsTable({
  page,
  loading,
  state,
  catalogEmpty,
}: {
  page: ProductPage | undefined;
  loading: boolean;
  state: ProductListState;
  catalogEmpty: boolean;
}) {
  const { t, locale } = useTranslation();
  const navigate = useNavigate();
  const { mode, setMode } = useSetIndexFiltersMode();
  const products = page?.products ?? [];
  const selection = useIndexResourceState(products, {
    resourceIDResolver: (product) => product.legacyId,
  });
  // A selection belongs to the page it was made on; the templates page takes at most one page.
  const { clearSelection } = selection;
  useEffect(() => clearSelection(), [state.input, clearSelection]);
  // With no search or filter the table lists the whole catalog, so "select all" can mean every
  // product in it: the templates page then applies to the catalog rather than to ids.
  const total = page?.total ?? 0;
  const listsCatalog = !state.issue && !state.searchText.trim();
  const moreInCatalog = listsCatalog && total > products.length;
  const applyTemplateUrl = selection.allResourcesSelected
    ? TEMPLATES_PATH
    : templatesUrlFor(selection.selectedResources);
  const formatDate = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso));

  const sortOptions: IndexFiltersProps["sortOptions"] = (
    ["title", "score", "updatedAt"] as const
  ).flatMap((key) =>
    (["asc", "desc"] as const).map((direction) => ({
      label: t(`products.sort.${key}`),
      value: `${key} ${direction}` as const,
      directionLabel: t(`products.sort.${key}${direction === "asc" ? "Asc" : "Desc"}`),
    })),
  );

  const issueLabel = (rule: AuditRuleId) => ruleText(t, rule, "label");
  const filters: IndexFiltersProps["filters"] = [
    {
      key: "issue",
      label: t("products.filters.issue"),
      pinned: true,
      shortcut: true,
      filter: (
        <ChoiceList
          title={t("products.filters.issue")}
          titleHidden
          choices={AUDIT_RULE_IDS.map((rule) => ({ label: issueLabel(rule), value: rule }))}
          selected={state.issue ? [state.issue] : []}
          onChange={([rule]) => state.setIssue(AUDIT_RULE_IDS.find((id) => id === rule))}
        />
      ),
    },
  ];
  const appliedFilters: IndexFiltersProps["appliedFilters"] = state.issue
    ? [
        {
          key: "issue",
          label: t("products.filters.issueApplied", { issue: issueLabel(state.issue) }),
          onRemove: () => state.setIssue(undefined),
        },
      ]
    : [];

  const sortColumn = SORTABLE_COLUMNS.indexOf(state.sort);
  const onSort = (index: number, direction: "ascending" | "descending") => {
    const key = SORTABLE_COLUMNS[index];
    if (key) state.setSort(key, direction === "ascending" ? "asc" : "desc");
  };

  const emptyState = catalogEmpty ? (
    <EmptyState heading={t("products.table.emptyCatalogTitle")} image="">
      <p>{t("products.table.emptyCatalogBody")}</p>
    </EmptyState>
  ) : (
    <EmptyState heading={t("products.table.emptyTitle")} image="">
      <p>{t("products.table.emptyBody")}</p>
    </EmptyState>
  );

  return (
    <Card padding="0">
      <IndexFilters
        tabs={[{ id: "all", content: t("products.filters.allTab") }]}
        selected={0}
        onSelect={() => {}}
        canCreateNewView={false}
        queryValue={state.searchText}
        queryPlaceholder={t("products.filters.search")}
        onQueryChange={state.setSearchText}
        onQueryClear={() => state.setSearchText("")}
        sortOptions={sortOptions}
        sortSelected={[`${state.sort} ${state.direction}`]}
        onSort={([value]) => {
          const [key, direction] = (value ?? "").split(" ") as [ProductSortKey, SortDirection];
          state.setSort(key, direction);
        }}
        filters={filters}
        appliedFilters={appliedFilters}
        onClearAll={() => {
          state.setSearchText("");
          state.setIssue(undefined);
        }}
        mode={mode}
        setMode={setMode}
        loading={loading}
      />
      <IndexTable
        resourceName={{
          singular: t("products.table.singular"),
          plural: t("products.table.plural"),
        }}
        itemCount={products.length}
        selectedItemsCount={
          selection.allResourcesSelected ? "All" : selection.selectedResources.length
        }
        onSelectionChange={selection.handleSelectionChange}
        hasMoreItems={moreInCatalog}
        paginatedSelectAllActionText={t("products.table.selectCatalog", {
          count: total.toLocaleString(locale),
        })}
        paginatedSelectAllText={t("products.table.catalogSelected", {
          count: total.toLocaleString(locale),
        })}
        promotedBulkActions={[
          {
            content: t("products.table.applyTemplate"),
            onAction: () => navigate(applyTemplateUrl),
          },
        ]}
        headings={[
          { title: t("products.table.product") },
          { title: t("products.table.status") },
          { title: t("products.table.score") },
          { title: t("products.table.issues") },
          { title: t("products.table.updated") },
        ]}
        sortable={SORTABLE_COLUMNS.map((key) => key !== null)}
        sortColumnIndex={sortColumn >= 0 ? sortColumn : undefined}
        sortDirection={state.direction === "asc" ? "ascending" : "descending"}
        onSort={onSort}
        loading={loading}
        emptyState={emptyState}
        pagination={{
          hasPrevious: state.page > 1,
          hasNext: Boolean(page?.nextCursor),
          onPrevious: state.previousPage,
          onNext: () => page?.nextCursor && state.nextPage(page.nextCursor),
          label: page
            ? t("products.table.total", { count: page.total.toLocaleString(locale) })
            : "",
        }}
      >
        {products.map((product, index) => (
          <IndexTable.Row
            id={product.legacyId}
            key={product.id}
            position={index}
            selected={selection.selectedResources.includes(product.legacyId)}
          >
            <IndexTable.Cell>
              <BlockStack gap="050">
                <Link
                  url={productEditorPath(product.legacyId)}
                  dataPrimaryLink
                  monochrome
                  removeUnderline
                >
                  <Text as="span" variant="bodyMd" fontWeight="semibold">
                    {product.title ?? t("products.table.untitled")}
                  </Text>
                </Link>
                <Text as="span" variant="bodySm" tone="subdued">
                  {product.handle}
                </Text>
              </BlockStack>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <StatusBadge status={product.status} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <ScoreBadge score={product.score} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              <IssueBadges issues={product.issues} lead={state.issue} />
            </IndexTable.Cell>
            <IndexTable.Cell>
              {product.updatedAt ? formatDate(product.updatedAt) : ""}
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}
