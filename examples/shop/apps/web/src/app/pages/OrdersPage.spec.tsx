import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { Order, Page } from '@shop/shared-types';
import { useOrders } from '@shop/web-data-access';
import { OrdersPage } from './OrdersPage';

jest.mock('@shop/web-data-access', () => ({
  ...jest.requireActual('@shop/web-data-access'),
  useOrders: jest.fn(),
}));

const page: Page<Order> = {
  page: 1,
  pageSize: 25,
  total: 1,
  items: [
    {
      id: 'o-1',
      number: 'SO-1001',
      customerId: 'c-1',
      customerEmail: 'ann@shop.test',
      status: 'paid',
      lines: [{ productId: 'p-1', sku: 'MUG', productName: 'Mug', quantity: 2, unitPrice: { amountMinor: 1200, currency: 'USD' } }],
      total: { amountMinor: 2400, currency: 'USD' },
      placedAt: '2025-03-01T10:00:00Z',
      updatedAt: '2025-03-01T10:00:00Z',
    },
  ],
};

describe('OrdersPage', () => {
  it('renders orders and passes URL filters to useOrders', () => {
    jest.mocked(useOrders).mockReturnValue({ data: page, isPending: false, isError: false, error: null } as unknown as ReturnType<typeof useOrders>);

    render(
      <MemoryRouter initialEntries={['/orders?status=paid&from=2025-03-01']}>
        <OrdersPage />
      </MemoryRouter>,
    );

    expect(screen.getByText('SO-1001')).toBeInTheDocument();
    expect(screen.getByText('$24.00')).toBeInTheDocument();
    expect(useOrders).toHaveBeenCalledWith({ status: 'paid', from: '2025-03-01', page: 1, pageSize: 25 });
  });
});
