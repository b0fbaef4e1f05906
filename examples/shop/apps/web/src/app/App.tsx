import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { NavLink, Navigate, Route, Routes } from 'react-router-dom';
import { OrderDetailPage } from './pages/OrderDetailPage';
import { OrdersPage } from './pages/OrdersPage';
import { ProductsPage } from './pages/ProductsPage';

/** One QueryClient for the app's lifetime; API errors are not retried on 4xx. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failureCount, error) => failureCount < 2 && !('status' in error && Number(error.status) < 500),
      refetchOnWindowFocus: false,
    },
  },
});

/** Dashboard shell: navigation plus routes for orders and products. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <div className="layout">
        <nav className="layout__nav" aria-label="Main">
          <strong>Shop admin</strong>
          <NavLink to="/orders">Orders</NavLink>
          <NavLink to="/products">Products</NavLink>
        </nav>
        <main className="layout__main">
          <Routes>
            <Route path="/" element={<Navigate to="/orders" replace />} />
            <Route path="/orders" element={<OrdersPage />} />
            <Route path="/orders/:id" element={<OrderDetailPage />} />
            <Route path="/products" element={<ProductsPage />} />
            <Route path="*" element={<p>Page not found.</p>} />
          </Routes>
        </main>
      </div>
    </QueryClientProvider>
  );
}
