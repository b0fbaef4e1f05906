import { fireEvent, render, screen } from '@testing-library/react';
import { Pagination } from './Pagination';

describe('Pagination', () => {
  it('summarises the visible slice', () => {
    render(<Pagination page={2} pageSize={25} total={60} onPageChange={jest.fn()} />);
    expect(screen.getByText('Showing 26–50 of 60')).toBeInTheDocument();
  });

  it('disables "Previous" on the first page and moves forward', () => {
    const onPageChange = jest.fn();
    render(<Pagination page={1} pageSize={25} total={60} onPageChange={onPageChange} />);
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(onPageChange).toHaveBeenCalledWith(2);
  });
});
