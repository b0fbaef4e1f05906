import { z } from 'zod';
import { ORDER_STATUSES, OrderFilters } from '@shop/shared-types';
import { parseIsoDate } from '@shop/shared-util';

const isoDate = z.string().refine((value) => {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}, 'Expected YYYY-MM-DD');

/** Schema for order filters kept in the orders page URL (`?status=paid&from=2025-01-01`). */
export const orderFiltersSchema = z.object({
  status: z.enum(ORDER_STATUSES as [string, ...string[]]).optional(),
  customerId: z.string().uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  search: z.string().max(100).optional(),
});

/** Reads OrderFilters from URL search params, silently dropping invalid entries. */
export function orderFiltersFromSearchParams(params: URLSearchParams): OrderFilters {
  const raw = Object.fromEntries(params.entries());
  const filters: Record<string, string> = {};
  for (const [key, schema] of Object.entries(orderFiltersSchema.shape)) {
    const parsed = schema.safeParse(raw[key] || undefined);
    if (parsed.success && parsed.data !== undefined) {
      filters[key] = parsed.data;
    }
  }
  return filters as OrderFilters;
}

/** Writes OrderFilters back to URL search params (inverse of orderFiltersFromSearchParams). */
export function orderFiltersToSearchParams(filters: OrderFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value) {
      params.set(key, value);
    }
  }
  return params;
}
