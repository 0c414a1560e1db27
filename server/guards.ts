// Refusals ahead of every route: cross-origin mutations (CSRF) and oversized bodies. Their JSON
// answers are the API's one error shape (~/platform/api-error).
import type { RequestHandler, Response } from "express";
import { API_ERROR_CONTENT_TYPE, apiErrorBody } from "~/platform/api-error";
import { hasControlCharacters } from "~/platform/text-input";
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

/**
 * A response sent before its request body was read (a redirect to sign-in, a 404 for another firm's
 * case) leaves the rest of the body on the connection. Remix's request stream holds it paused, so Node
 * never discards it, and the next request on that kept-alive connection waits behind it until
 * headersTimeout closes the socket: a minute's wait, then ECONNRESET (issue 15). Once the response is
 * done, what is left of the body is read and dropped, as Node itself does for a body nothing listened to.
 */
export function discardUnreadBody(): RequestHandler {
  return (req, res, next) => {
    res.once("finish", () => {
      if (req.complete) return;
      req.removeAllListeners("data");
      req.resume();
    });
    next();
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

/**
 * Query strings with control characters (NUL, say: PostgreSQL refuses it in text) are refused before any
 * route sees them, so no search or filter has to guard against them itself.
 */
export function queryCheck(): RequestHandler {
  return (req, res, next) => {
    const at = req.originalUrl.indexOf("?");
    if (at < 0) return next();
    for (const [key, value] of new URLSearchParams(req.originalUrl.slice(at + 1)))
      if (hasControlCharacters(key) || hasControlCharacters(value)) {
        sendApiError(
          res,
          400,
          "bad_request",
          "The address contains control characters (such as NUL) / 网址中含有控制字符（如 NUL），无法处理",
        );
        return;
      }
    next();
  };
}
