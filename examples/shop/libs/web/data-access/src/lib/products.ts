import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CreateProductInput, Page, Product } from '@shop/shared-types';
import { apiRequest } from './api-client';
import { queryKeys } from './query-keys';

/** Raw calls to `/api/products`. */
export const productsApi = {
  list: (page: number, pageSize: number, signal?: AbortSignal) =>
    apiRequest<Page<Product>>('GET', '/products', { params: { page, pageSize }, signal }),
  create: (input: CreateProductInput) => apiRequest<Product>('POST', '/products', { body: input }),
  setActive: (id: string, value: boolean) => apiRequest<Product>('PATCH', `/products/${id}/active`, { params: { value } }),
};

/** One page of the catalogue. */
export function useProducts(page = 1, pageSize = 25) {
  return useQuery({
    queryKey: queryKeys.products.list(page, pageSize),
    queryFn: ({ signal }) => productsApi.list(page, pageSize, signal),
  });
}

/** Creates a product and refreshes the catalogue. */
export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: productsApi.create,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.products.all }),
  });
}
