import { Button } from './Button';

/** Props for Pagination. Pages are 1-based. */
export interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
}

/** "Showing 26–50 of 312" with previous/next buttons. */
export function Pagination({ page, pageSize, total, onPageChange }: PaginationProps) {
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label="Pagination">
      <span>
        Showing {first}–{last} of {total}
      </span>
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
        Previous
      </Button>
      <Button variant="secondary" disabled={page >= lastPage} onClick={() => onPageChange(page + 1)}>
        Next
      </Button>
    </nav>
  );
}
