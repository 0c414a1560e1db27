// GET /api/v1/releases: every public statistics release, newest first.
import { apiJson, CACHE_LISTING, releaseJson } from "~/statistics/publish/api.server";
import { listPublicReleases } from "~/statistics/release/read.server";

export async function loader() {
  const releases = await listPublicReleases();
  return apiJson({ releases: releases.map(releaseJson) }, CACHE_LISTING);
}
