import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import styles from "~/insights/insights.css";
import statisticsStyles from "~/statistics/publish/statistics.css";

// The insights workspace is plain HTML (GET forms, links, downloads); each child checks who may see it.
export const handle = { hydrate: false };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: statisticsStyles },
  { rel: "stylesheet", href: styles },
];

export default function InsightsLayout() {
  return <Outlet />;
}
