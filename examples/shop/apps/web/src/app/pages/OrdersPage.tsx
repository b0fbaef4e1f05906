import { useNavigate, useSearchParams } from 'react-router-dom';
import { Order, OrderFilters } from '@shop/shared-types';
import { orderFiltersFromSearchParams, orderFiltersToSearchParams, useOrders } from '@shop/web-data-access';
import { Column, MoneyText, Pagination, Table } from '@shop/web-ui';
import { OrderFiltersBar } from '../components/OrderFiltersBar';
import { OrderStatusBadge } from '../components/OrderStatusBadge';

const PAGE_SIZE = 25;

const COLUMNS: Column<Order>[] = [
  { key: 'number', header: 'Order', render: (order) => order.number },
  { key: 'placedAt', header: 'Placed', render: (order) => new Date(order.placedAt).toLocaleString() },
  { key: 'customer', header: 'Customer', render: (order) => order.customerEmail },
  { key: 'status', header: 'Status', render: (order) => <OrderStatusBadge status={order.status} /> },
  { key: 'items', header: 'Items', align: 'right', render: (order) => order.lines.reduce((n, line) => n + line.quantity, 0) },
  {
    key: 'total',
    header: 'Total',
    align: 'right',
    render: (order) => <MoneyText amountMinor={order.total.amountMinor} currency={order.total.currency} />,
  },
];

/**
 * `/orders` — the dashboard's order list. Filters and page live in the URL so views can be shared;
 * data comes from `useOrders` (`GET /api/orders`).
 */
export function OrdersPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const navigate = useNavigate();
  const filters = orderFiltersFromSearchParams(searchParams);
  const page = Number(searchParams.get('page') ?? 1) || 1;
  const { data, isPending, isError, error } = useOrders({ ...filters, page, pageSize: PAGE_SIZE });

  const update = (next: OrderFilters, nextPage = 1) => {
    const params = orderFiltersToSearchParams(next);
    if (nextPage > 1) {
      params.set('page', String(nextPage));
    }
    setSearchParams(params, { replace: true });
  };

  return (
    <section>
      <header className="toolbar">
        <h1>Orders</h1>
      </header>
      <OrderFiltersBar value={filters} onChange={(next) => update(next)} />
      {isError ? (
        <p role="alert">Could not load orders: {error.message}</p>
      ) : (
        <Table
          caption="Orders"
          columns={COLUMNS}
          rows={data?.items ?? []}
          rowKey={(order) => order.id}
          loading={isPending}
          empty="No orders match these filters"
          onRowClick={(order) => navigate(`/orders/${order.id}`)}
        />
      )}
      {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPageChange={(p) => update(filters, p)} />}
    </section>
  );
}
