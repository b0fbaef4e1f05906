/** Typed API client and TanStack Query hooks the web app uses to talk to `/api`. */
export * from './lib/api-client';
export * from './lib/query-keys';
export * from './lib/order-filters';
export * from './lib/orders';
export * from './lib/products';
