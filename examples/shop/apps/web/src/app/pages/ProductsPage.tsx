import { useState } from 'react';
import { Product } from '@shop/shared-types';
import { useProducts } from '@shop/web-data-access';
import { Badge, Column, MoneyText, Pagination, Table } from '@shop/web-ui';

const COLUMNS: Column<Product>[] = [
  { key: 'sku', header: 'SKU', render: (product) => product.sku },
  { key: 'name', header: 'Name', render: (product) => product.name },
  { key: 'stock', header: 'Stock', align: 'right', render: (product) => product.stock },
  {
    key: 'price',
    header: 'Price',
    align: 'right',
    render: (product) => <MoneyText amountMinor={product.price.amountMinor} currency={product.price.currency} />,
  },
  {
    key: 'active',
    header: '',
    render: (product) => (product.active ? null : <Badge tone="neutral">hidden</Badge>),
  },
];

/** `/products` — the catalogue (`GET /api/products`). */
export function ProductsPage() {
  const [page, setPage] = useState(1);
  const { data, isPending } = useProducts(page);
  return (
    <section>
      <h1>Products</h1>
      <Table columns={COLUMNS} rows={data?.items ?? []} rowKey={(product) => product.id} loading={isPending} />
      {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPageChange={setPage} />}
    </section>
  );
}
