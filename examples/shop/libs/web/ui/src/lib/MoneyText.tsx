import { formatMoney } from '@shop/shared-util';

/** Props for MoneyText: an amount in integer minor units and its currency code. */
export interface MoneyTextProps {
  amountMinor: number;
  currency: 'USD' | 'EUR' | 'GBP';
  locale?: string;
}

/** Renders a money amount with tabular digits, e.g. `$19.99`. */
export function MoneyText({ amountMinor, currency, locale }: MoneyTextProps) {
  return <span className="money">{formatMoney({ amountMinor, currency }, locale)}</span>;
}
