import { DEFAULT_PAGE_SIZE, normalizePageRequest } from './pagination';

describe('normalizePageRequest', () => {
  it('fills defaults', () => {
    expect(normalizePageRequest()).toEqual({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  });

  it('clamps out-of-range values', () => {
    expect(normalizePageRequest({ page: -3, pageSize: 10_000 })).toEqual({ page: 1, pageSize: 100 });
  });
});
