import { ErrorPage } from "~/ui/error-page";

// Every unknown path: a real 404 rendered by the shared error page.
export function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
