import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { i18nFor } from "~/i18n/i18n";
import { isLocale } from "~/i18n/locales";
import { useTranslation } from "~/i18n/use-translation";

/** One error page for every route: 404, 403, 400, 503 (the database unreachable) and anything else as 500. */
export function ErrorPage() {
  const error = useRouteError();
  const data: unknown = isRouteErrorResponse(error) ? error.data : null;
  const own = useTranslation().t;
  // A 503 says its language: the root loader that sets the page's may not have run.
  const locale = data && typeof data === "object" && "locale" in data ? data.locale : null;
  const t = isLocale(locale) ? i18nFor(locale).t : own;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 503
      ? [t("errors.unavailableTitle"), t("errors.unavailable")]
      : status === 404
        ? [t("errors.notFoundTitle"), t("errors.notFound")]
        : status === 410
          ? [t("errors.goneTitle"), t("errors.gone")]
          : status === 403
            ? [t("errors.forbiddenTitle"), t("errors.forbidden")]
            : status >= 400 && status < 500
              ? [t("errors.badRequestTitle"), t("errors.badRequest")]
              : [t("errors.serverTitle"), t("errors.server")];
  // A refusal may say why, in the reader's language (e.g. a view outside a government viewer's jurisdiction).
  const reason =
    status !== 503 && data && typeof data === "object" && "message" in data && typeof data.message === "string"
      ? data.message
      : null;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{title}</h1>
      <p>{body}</p>
      {reason ? <p data-testid="error-reason">{reason}</p> : null}
      <p className="muted">HTTP {status}</p>
      <p>
        <Link to="/">{t("errors.backHome")}</Link>
      </p>
    </section>
  );
}
