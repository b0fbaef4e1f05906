/** Page request accepted by list endpoints (`?page=1&pageSize=25`). Pages are 1-based. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** One page of results plus the total number of matching rows. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** Largest `pageSize` any list endpoint will honour. */
export const MAX_PAGE_SIZE = 100;

/** Inclusive-exclusive calendar range, as ISO-8601 date strings (`2025-01-01`). */
export interface DateRangeDto {
  from: string;
  to: string;
}
