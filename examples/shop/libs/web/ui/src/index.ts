/** Presentational React components for the dashboard. No data fetching, no domain types. */
export * from './lib/Button';
export * from './lib/Table';
export * from './lib/DateRangePicker';
export * from './lib/MoneyText';
export * from './lib/Pagination';
export * from './lib/Badge';
