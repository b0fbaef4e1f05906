import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CreateOrderInput, ListOrdersQuery, Order, OrderStatus, Page } from '@shop/shared-types';
import { apiRequest } from './api-client';
import { queryKeys } from './query-keys';

/** Raw calls to `/api/orders`. Prefer the hooks below inside components. */
export const ordersApi = {
  list: (query: ListOrdersQuery, signal?: AbortSignal) =>
    apiRequest<Page<Order>>('GET', '/orders', { params: { ...query }, signal }),
  get: (id: string, signal?: AbortSignal) => apiRequest<Order>('GET', `/orders/${id}`, { signal }),
  create: (input: CreateOrderInput) => apiRequest<Order>('POST', '/orders', { body: input }),
  updateStatus: (id: string, status: OrderStatus) => apiRequest<Order>('PATCH', `/orders/${id}/status`, { body: { status } }),
  cancel: (id: string) => apiRequest<Order>('POST', `/orders/${id}/cancel`),
};

/** One page of orders for the dashboard; keeps the previous page visible while the next loads. */
export function useOrders(query: ListOrdersQuery) {
  return useQuery({
    queryKey: queryKeys.orders.list(query),
    queryFn: ({ signal }) => ordersApi.list(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

/** A single order by id. */
export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.orders.detail(id ?? ''),
    queryFn: ({ signal }) => ordersApi.get(id as string, signal),
    enabled: Boolean(id),
  });
}

/** Moves an order to a new status and refreshes every orders query. */
export function useUpdateOrderStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: OrderStatus }) => ordersApi.updateStatus(id, status),
    onSuccess: (order) => {
      queryClient.setQueryData(queryKeys.orders.detail(order.id), order);
      return queryClient.invalidateQueries({ queryKey: queryKeys.orders.all });
    },
  });
}

/** Cancels an order (admin only) and refreshes every orders query. */
export function useCancelOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ordersApi.cancel(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.orders.all }),
  });
}
