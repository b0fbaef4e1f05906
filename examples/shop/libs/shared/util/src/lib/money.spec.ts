import { formatMoney, money, multiplyMoney, sumMoney, toDecimalString } from './money';

describe('money helpers', () => {
  it('rejects fractional minor units', () => {
    expect(() => money(10.5, 'USD')).toThrow(RangeError);
  });

  it('sums values of one currency', () => {
    expect(sumMoney([money(150, 'EUR'), money(250, 'EUR')], 'EUR')).toEqual(money(400, 'EUR'));
  });

  it('refuses to mix currencies', () => {
    expect(() => sumMoney([money(1, 'EUR'), money(1, 'USD')], 'EUR')).toThrow(/Cannot add USD/);
  });

  it('multiplies a unit price by quantity', () => {
    expect(multiplyMoney(money(1999, 'USD'), 3)).toEqual(money(5997, 'USD'));
  });

  it('formats for display', () => {
    expect(formatMoney(money(1999, 'USD'))).toBe('$19.99');
  });

  it.each([
    [1999, '19.99'],
    [5, '0.05'],
    [-1250, '-12.50'],
    [0, '0.00'],
  ])('renders %i minor units as %s', (amountMinor, expected) => {
    expect(toDecimalString(money(amountMinor, 'GBP'))).toBe(expected);
  });
});
