/** ISO 4217 currency codes the shop sells in. */
export type CurrencyCode = 'USD' | 'EUR' | 'GBP';

/**
 * An amount of money in integer minor units (cents, pence) — never a float.
 * `{ amountMinor: 1999, currency: 'USD' }` is $19.99.
 */
export interface Money {
  amountMinor: number;
  currency: CurrencyCode;
}
