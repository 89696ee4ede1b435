import { Link } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <main className="page">
      <h1>Page not found</h1>
      <div className="notice" role="status">
        <p>This address is not a screen of the dashboard.</p>
        <Link to="/">Go to the shop floor</Link>
      </div>
    </main>
  );
}
