// CSRF defence as in the Lucia guide: a state-changing request must carry an Origin header
// that names this site. Browsers send Origin on every cross-site and same-site POST.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

export function isAllowedOrigin(
  method: string,
  origin: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (isSafeMethod(method)) return true;
  if (!origin || origin === "null") return false;
  return allowedOrigins.some((allowed) => allowed.toLowerCase() === origin.toLowerCase());
}
