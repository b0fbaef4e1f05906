import { CurrencyCode, Money } from '@shop/shared-types';

/** Number of minor units per major unit for each supported currency. */
const MINOR_UNITS: Record<CurrencyCode, number> = { USD: 2, EUR: 2, GBP: 2 };

/** Builds a Money value, rejecting fractional minor units. */
export function money(amountMinor: number, currency: CurrencyCode): Money {
  if (!Number.isInteger(amountMinor)) {
    throw new RangeError(`Money must be in integer minor units, got ${amountMinor}`);
  }
  return { amountMinor, currency };
}

/** Adds Money values of the same currency; an empty list sums to zero in `currency`. */
export function sumMoney(values: Money[], currency: CurrencyCode): Money {
  return values.reduce((acc, value) => {
    if (value.currency !== acc.currency) {
      throw new Error(`Cannot add ${value.currency} to ${acc.currency}`);
    }
    return money(acc.amountMinor + value.amountMinor, currency);
  }, money(0, currency));
}

/** Multiplies a unit price by a quantity (order line totals). */
export function multiplyMoney(value: Money, quantity: number): Money {
  return money(value.amountMinor * quantity, value.currency);
}

/**
 * Formats Money for display, e.g. `formatMoney({ amountMinor: 1999, currency: 'USD' })` → `$19.99`.
 * Uses `Intl.NumberFormat`, so output is locale-aware.
 */
export function formatMoney(value: Money, locale = 'en-US'): string {
  const digits = MINOR_UNITS[value.currency];
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: value.currency,
    minimumFractionDigits: digits,
  }).format(value.amountMinor / 10 ** digits);
}

/**
 * Formats Money as a plain decimal string without symbol or grouping, e.g. `19.99`.
 * Suitable for machine-readable output.
 */
export function toDecimalString(value: Money): string {
  const digits = MINOR_UNITS[value.currency];
  const sign = value.amountMinor < 0 ? '-' : '';
  const abs = Math.abs(value.amountMinor).toString().padStart(digits + 1, '0');
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}
