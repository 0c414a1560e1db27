// A print button that works without hydration: /print.js (allowed by the CSP) handles the click.
export function PrintButton({ label }: { label: string }) {
  return (
    <>
      <button type="button" className="button button--secondary" data-print>
        {label}
      </button>
      <script src="/print.js" defer />
    </>
  );
}
