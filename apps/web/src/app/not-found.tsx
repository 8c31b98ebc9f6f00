import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <div className="mx-auto mt-16 max-w-md text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        This address does not name a Deckhand view.
      </p>
      <Link
        to="/clusters"
        className="mt-4 inline-block text-sm font-medium text-sky-700 hover:underline"
      >
        Go to clusters
      </Link>
    </div>
  );
}
