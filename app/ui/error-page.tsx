import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

/** One error page for every route: 404, 403, 400 and anything else as 500. */
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFound")]
      : status === 410
        ? [t("errors.goneTitle"), t("errors.gone")]
        : status === 403
          ? [t("errors.forbiddenTitle"), t("errors.forbidden")]
          : status >= 400 && status < 500
            ? [t("errors.badRequestTitle"), t("errors.badRequest")]
            : [t("errors.serverTitle"), t("errors.server")];
  // A refusal may say why, in the reader's language (e.g. a view outside a government viewer's jurisdiction).
  const data: unknown = isRouteErrorResponse(error) ? error.data : null;
  const reason =
    data && typeof data === "object" && "message" in data && typeof data.message === "string" ? data.message : null;
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
