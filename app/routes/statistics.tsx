import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import styles from "~/statistics/publish/statistics.css";
import { StatisticsFrame } from "~/statistics/publish/statistics-frame";
import { requestedRelease, sectionQuery } from "~/statistics/publish/view.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

// Public statistics need no JavaScript (GET forms, links, downloads): served as plain HTML, which saves
// every visitor the loader data and the scripts, and the server their serialisation.
export const handle = { hydrate: false };

export async function loader(args: LoaderFunctionArgs) {
  const found = await requestedRelease(args);
  const r = found?.release;
  return {
    release: r
      ? {
          number: r.number,
          label: r.label,
          latest: r.latest,
          preview: r.preview,
          containsSynthetic: r.containsSynthetic,
        }
      : null,
    query: r ? sectionQuery(r, found.explicit, new URL(args.request.url)) : "",
  };
}

export default function Statistics() {
  const d = useLoaderData<typeof loader>();
  return (
    <StatisticsFrame release={d.release} query={d.query}>
      <Outlet />
    </StatisticsFrame>
  );
}
