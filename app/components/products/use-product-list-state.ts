import { useSearchParams } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useState } from "react";

import {
  DEFAULT_PAGE_SIZE,
  PRODUCT_SORT_KEYS,
  SORT_DIRECTIONS,
  type ProductListInput,
  type ProductSortKey,
  type SortDirection,
} from "~/services/catalog/product-list-input";
import { isAuditRuleId, type AuditRuleId } from "~/services/seo/audit-rules";

const SEARCH_DELAY_MS = 300;

function oneOf<T extends string>(value: string | null, options: readonly T[], fallback: T): T {
  return options.find((option) => option === value) ?? fallback;
}

/**
 * The table's search, issue filter and sort live in the URL, so a filtered view can be shared
 * and survives going to a product and back. The cursors of the pages already seen are kept in
 * memory: "previous" goes back through them, and any change of filter or sort starts again.
 */
export function useProductListState() {
  const [params, setParams] = useSearchParams();
  const search = params.get("q") ?? "";
  const rawIssue = params.get("issue");
  const issue: AuditRuleId | undefined = rawIssue && isAuditRuleId(rawIssue) ? rawIssue : undefined;
  const sort = oneOf<ProductSortKey>(params.get("sort"), PRODUCT_SORT_KEYS, "title");
  const direction = oneOf<SortDirection>(params.get("direction"), SORT_DIRECTIONS, "asc");

  const [searchText, setSearchText] = useState(search);
  const view = `${search}|${issue ?? ""}|${sort}|${direction}`;
  const [pages, setPages] = useState<{ view: string; cursors: string[] }>({ view, cursors: [] });
  const cursors = useMemo(() => (pages.view === view ? pages.cursors : []), [pages, view]);

  const update = useCallback(
    (changes: Record<string, string | undefined>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true, preventScrollReset: true },
      );
    },
    [setParams],
  );

  useEffect(() => {
    if (searchText.trim() === search) return;
    const timer = setTimeout(() => update({ q: searchText.trim() || undefined }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [searchText, search, update]);

  const input: ProductListInput = useMemo(
    () => ({
      search: search || undefined,
      issue,
      sort,
      direction,
      cursor: cursors.at(-1) ?? null,
      pageSize: DEFAULT_PAGE_SIZE,
    }),
    [search, issue, sort, direction, cursors],
  );

  return {
    input,
    searchText,
    setSearchText,
    issue,
    setIssue: (next: AuditRuleId | undefined) => update({ issue: next }),
    sort,
    direction,
    setSort: (key: ProductSortKey, dir: SortDirection) => update({ sort: key, direction: dir }),
    page: cursors.length + 1,
    nextPage: (cursor: string) => setPages({ view, cursors: [...cursors, cursor] }),
    previousPage: () => setPages({ view, cursors: cursors.slice(0, -1) }),
  };
}

export type ProductListState = ReturnType<typeof useProductListState>;
