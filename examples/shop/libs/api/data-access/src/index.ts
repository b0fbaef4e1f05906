/** TypeORM helpers used by the API's feature services: paging, date filtering, transactions. */
export * from './lib/pagination';
export * from './lib/date-filter';
export * from './lib/money.transformer';
export * from './lib/transactions';
