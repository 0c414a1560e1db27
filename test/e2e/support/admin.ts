// The address the end-to-end server treats as an administrator (ADMIN_EMAILS in playwright.config.ts).
export const E2E_ADMIN_EMAIL = "e2e-admin@example.test";
