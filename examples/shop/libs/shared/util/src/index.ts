/** Pure, framework-free helpers shared by the API and the web app. */
export * from './lib/money';
export * from './lib/date-range';
export * from './lib/assert';
