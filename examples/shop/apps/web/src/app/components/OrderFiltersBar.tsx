import { ORDER_STATUSES, OrderFilters, OrderStatus } from '@shop/shared-types';
import { DateRangePicker } from '@shop/web-ui';

/** Props for OrderFiltersBar: controlled filters. */
export interface OrderFiltersBarProps {
  value: OrderFilters;
  onChange: (value: OrderFilters) => void;
}

/** Status, date range and free-text search controls above the orders table. */
export function OrderFiltersBar({ value, onChange }: OrderFiltersBarProps) {
  return (
    <div className="toolbar" role="search">
      <label>
        Status
        <select
          value={value.status ?? ''}
          onChange={(event) => onChange({ ...value, status: (event.target.value || undefined) as OrderStatus | undefined })}
        >
          <option value="">All</option>
          {ORDER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </label>
      <DateRangePicker
        label="Placed"
        value={{ from: value.from, to: value.to }}
        onChange={(range) => onChange({ ...value, from: range.from, to: range.to })}
      />
      <label>
        Search
        <input
          type="search"
          placeholder="Order # or e-mail"
          value={value.search ?? ''}
          onChange={(event) => onChange({ ...value, search: event.target.value || undefined })}
        />
      </label>
    </div>
  );
}
