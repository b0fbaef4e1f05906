import { orderFiltersFromSearchParams, orderFiltersToSearchParams } from './order-filters';

describe('order filters in the URL', () => {
  it('keeps valid filters and drops invalid ones', () => {
    const filters = orderFiltersFromSearchParams(
      new URLSearchParams('status=paid&from=2025-01-01&to=2025-02-30&search=SO-10&junk=1'),
    );
    expect(filters).toEqual({ status: 'paid', from: '2025-01-01', search: 'SO-10' });
  });

  it('round-trips', () => {
    const filters = { status: 'shipped' as const, from: '2025-03-01', to: '2025-04-01' };
    expect(orderFiltersFromSearchParams(orderFiltersToSearchParams(filters))).toEqual(filters);
  });
});
