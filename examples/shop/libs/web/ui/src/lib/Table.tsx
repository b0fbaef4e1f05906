import { ReactNode } from 'react';

/** One column of a Table: a header and how to render a cell for a row. */
export interface Column<T> {
  key: string;
  header: ReactNode;
  render: (row: T) => ReactNode;
  align?: 'left' | 'right';
}

/** Props for Table. */
export interface TableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Shown instead of rows when `rows` is empty. */
  empty?: ReactNode;
  loading?: boolean;
  onRowClick?: (row: T) => void;
  caption?: string;
}

/** A simple, accessible data table. */
export function Table<T>({ columns, rows, rowKey, empty = 'Nothing to show', loading, onRowClick, caption }: TableProps<T>) {
  return (
    <table className="table" aria-busy={loading || undefined}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col" style={{ textAlign: column.align ?? 'left' }}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className="table__empty">
              {loading ? 'Loading…' : empty}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={rowKey(row)} onClick={onRowClick ? () => onRowClick(row) : undefined} className={onRowClick ? 'table__row--clickable' : undefined}>
              {columns.map((column) => (
                <td key={column.key} style={{ textAlign: column.align ?? 'left' }}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
