// The hatch that marks a suppressed value in every statistics chart (and its legend).
export function Hatch({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
      <rect width="6" height="6" fill="#f3f5f8" />
      <line x1="0" y1="0" x2="0" y2="6" stroke="#4a5360" strokeWidth="1.5" />
    </pattern>
  );
}
