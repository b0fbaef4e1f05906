import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { MAX_PAGE_SIZE, Page, PageRequest } from '@shop/shared-types';

/** Default page size when the client does not send one. */
export const DEFAULT_PAGE_SIZE = 25;

/** Clamps a possibly-partial page request to valid bounds. */
export function normalizePageRequest(request: Partial<PageRequest> = {}): PageRequest {
  const page = Math.max(1, Math.floor(request.page ?? 1));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(request.pageSize ?? DEFAULT_PAGE_SIZE)));
  return { page, pageSize };
}

/**
 * Runs `qb` for one page and returns the rows plus the total count.
 * `map` converts entities to their wire shape.
 */
export async function paginate<E extends ObjectLiteral, T>(
  qb: SelectQueryBuilder<E>,
  request: Partial<PageRequest>,
  map: (entity: E) => T,
): Promise<Page<T>> {
  const { page, pageSize } = normalizePageRequest(request);
  const [rows, total] = await qb
    .skip((page - 1) * pageSize)
    .take(pageSize)
    .getManyAndCount();
  return { items: rows.map(map), page, pageSize, total };
}
