// Refusals ahead of every route: cross-origin mutations (CSRF) and oversized bodies. Their JSON
// answers are the API's one error shape (~/platform/api-error).
import type { RequestHandler, Response } from "express";
import { API_ERROR_CONTENT_TYPE, apiErrorBody } from "~/platform/api-error";
import type { PortalEntry, ServerSettings } from "./remix-build";

function sendApiError(res: Response, status: number, error: string, message: string): void {
  res
    .status(status)
    .type(API_ERROR_CONTENT_TYPE)
    .send(JSON.stringify(apiErrorBody(error, message)));
}

/** CSRF: state-changing requests must come from this site's own pages (Lucia guide). */
export function originCheck(settings: ServerSettings, isAllowedOrigin: PortalEntry["isAllowedOrigin"]): RequestHandler {
  return (req, res, next) => {
    const own = settings.publicOrigin ?? `${req.protocol}://${req.get("host")}`;
    if (isAllowedOrigin(req.method, req.get("origin"), [own])) return next();
    sendApiError(res, 403, "forbidden", "Cross-origin request refused / 拒绝跨站请求");
  };
}

/** Refuse oversized bodies before anything reads them. */
export function bodyLimit(settings: ServerSettings): RequestHandler {
  return (req, res, next) => {
    const length = Number(req.get("content-length") ?? 0);
    if (length > settings.maxBodyBytes) {
      sendApiError(res, 413, "payload_too_large", `Request body over ${settings.maxBodyBytes} bytes / 请求内容过大`);
      req.resume();
      return;
    }
    next();
  };
}
