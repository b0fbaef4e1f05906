import { useParams } from 'react-router-dom';
import { OrderLine } from '@shop/shared-types';
import { useCancelOrder, useOrder } from '@shop/web-data-access';
import { Button, Column, MoneyText, Table } from '@shop/web-ui';
import { OrderStatusBadge } from '../components/OrderStatusBadge';

const LINE_COLUMNS: Column<OrderLine>[] = [
  { key: 'sku', header: 'SKU', render: (line) => line.sku },
  { key: 'name', header: 'Product', render: (line) => line.productName },
  { key: 'qty', header: 'Qty', align: 'right', render: (line) => line.quantity },
  {
    key: 'unit',
    header: 'Unit price',
    align: 'right',
    render: (line) => <MoneyText amountMinor={line.unitPrice.amountMinor} currency={line.unitPrice.currency} />,
  },
];

/** `/orders/:id` — one order with its lines and a cancel action. */
export function OrderDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { data: order, isPending } = useOrder(id);
  const cancel = useCancelOrder();

  if (isPending) {
    return <p>Loading…</p>;
  }
  if (!order) {
    return <p role="alert">Order not found.</p>;
  }
  return (
    <section>
      <header className="toolbar">
        <h1>{order.number}</h1>
        <OrderStatusBadge status={order.status} />
        <Button variant="danger" busy={cancel.isPending} disabled={order.status !== 'pending' && order.status !== 'paid'} onClick={() => cancel.mutate(order.id)}>
          Cancel order
        </Button>
      </header>
      <p>
        {order.customerEmail} · placed {new Date(order.placedAt).toLocaleString()} · total{' '}
        <MoneyText amountMinor={order.total.amountMinor} currency={order.total.currency} />
      </p>
      <Table columns={LINE_COLUMNS} rows={order.lines} rowKey={(line) => line.productId} />
    </section>
  );
}
