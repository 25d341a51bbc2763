/** `PageEntity` input and `BasePage` output (`core/entity`, reference §1.3). */
import { z } from 'zod';

export const pageSchema = z.object({
  page: z.number().int().min(1).nullish(),
  limit: z.number().int().min(1).nullish(),
  /** 1 paged (limit capped at 100), 0 unpaged (limit 10000). */
  pageType: z.number().int().nullish(),
});

export function pageWindow(input: z.infer<typeof pageSchema>): { page: number; limit: number; offset: number } {
  if (input.pageType === 0) return { page: 1, limit: 10_000, offset: 0 };
  const page = input.page ?? 1;
  const limit = Math.min(input.limit ?? 15, 100);
  return { page, limit, offset: (page - 1) * limit };
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

export function basePage<T>(list: T[], totalRow: number, page: number, limit: number): BasePage<T> {
  const totalPage = Math.ceil(totalRow / limit);
  return { list, totalRow, totalPage, pageSize: limit, pageNumber: page, firstPage: page === 1, lastPage: page >= totalPage, extraData: null };
}
