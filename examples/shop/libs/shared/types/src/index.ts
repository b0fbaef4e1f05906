/** Wire contracts shared by the API and the web storefront/dashboard. */
export * from './lib/money';
export * from './lib/pagination';
export * from './lib/customer';
export * from './lib/product';
export * from './lib/order';
export * from './lib/auth';
