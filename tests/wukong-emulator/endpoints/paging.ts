/**
 * `PageEntity` input and `BasePage` output (core/entity/PageEntity.java, core/entity/BasePage.java,
 * reference §1.3), paginated by MyBatis-Plus 3.3.0's `PaginationInterceptor` with `setLimit(-1)`
 * (core/config/MybatisPlusConfig.java: no cap of its own).
 */

export interface PageRequest {
  /** `BasePage(current, size)`: a page ≤ 1 becomes 1. */
  pageNumber: number;
  size: number;
  /** `size < 0` skips the interceptor: every row, no count (totalRow stays 0). */
  counts: boolean;
}

/**
 * `PageEntity#parse`: size is `getLimit()` — capped at 100 only when pageType is 1 — or 10000 when
 * pageType is 0 (`setPageType(0)` and `parse` both force it). Any other pageType is uncapped.
 */
export function pageOf(page: number, limit: number, pageType: number): PageRequest {
  const size = pageType === 0 ? 10_000 : limit > 100 && pageType === 1 ? 100 : limit;
  return { pageNumber: page > 1 ? page : 1, size, counts: size >= 0 };
}

export interface BasePage<T> {
  list: T[];
  totalRow: number;
  totalPage: number;
  pageSize: number;
  pageNumber: number;
  firstPage: boolean;
  lastPage: boolean;
  extraData: unknown;
}

/** Java long division truncates toward zero. */
const div = (a: number, b: number) => Math.trunc(a / b);

/** The getters Jackson serialises: `getTotalPage` (0 for size 0), `isFirstPage`, `isLastPage` (`total == 0 || pageNumber == totalPage`). */
export function basePage<T>(list: T[], totalRow: number, pageNumber: number, pageSize: number): BasePage<T> {
  const totalPage = pageSize === 0 ? 0 : div(totalRow, pageSize) + (totalRow % pageSize !== 0 ? 1 : 0);
  return { list, totalRow, totalPage, pageSize, pageNumber, firstPage: pageNumber === 1, lastPage: totalRow === 0 || pageNumber === totalPage, extraData: null };
}
