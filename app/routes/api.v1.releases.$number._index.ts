// GET /api/v1/releases/:number: one public release, its methodology and summary.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, CACHE_LISTING, releaseFromParams, releaseJson } from "~/statistics/publish/api.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const release = await releaseFromParams(params);
  return release instanceof Response ? release : apiJson(releaseJson(release), CACHE_LISTING);
}
