import { ListOrdersQuery } from '@shop/shared-types';

/** Central TanStack Query keys so invalidation stays consistent across hooks. */
export const queryKeys = {
  orders: {
    all: ['orders'] as const,
    list: (query: ListOrdersQuery) => ['orders', 'list', query] as const,
    detail: (id: string) => ['orders', 'detail', id] as const,
  },
  products: {
    all: ['products'] as const,
    list: (page: number, pageSize: number) => ['products', 'list', page, pageSize] as const,
  },
};
