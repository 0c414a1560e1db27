import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { InsightsFrame } from "~/insights/insights-frame";
import { requireInsights } from "~/insights/request.server";
import { insightsFrame } from "~/insights/views.server";
import { latestPublicRelease } from "~/statistics/release/read.server";

export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · QMD Portal` }];

export async function loader(args: LoaderFunctionArgs) {
  const who = await requireInsights(args, "page");
  const frame = insightsFrame(who, await latestPublicRelease());
  // Examples a viewer may open: a provincial viewer's stay within their province.
  const province = who.scope.kind === "provinces" ? frame.scopeNames[0]! : null;
  const q = (params: Array<[string, string]>) => `/insights/compare?${new URLSearchParams(params)}`;
  const examples = province
    ? [
        {
          label: `${province} · ${who.t("insights.exampleIndustries")}`,
          href: q([
            ["by", "industry"],
            ["g", "C36"],
            ["g", "C38"],
            ["within", province],
          ]),
        },
        {
          label: `${province} · ${who.t("insights.compare.bySize")}`,
          href: q([
            ["by", "size"],
            ["within", province],
          ]),
        },
      ]
    : [
        {
          label: who.t("insights.exampleRegions"),
          href: q([
            ["by", "region"],
            ["g", "浙江省"],
            ["g", "江苏省"],
            ["g", "广东省"],
            ["within", "装备制造业"],
          ]),
        },
        {
          label: who.t("insights.exampleIndustries"),
          href: q([
            ["by", "industry"],
            ["g", "C36"],
            ["g", "C38"],
          ]),
        },
        { label: who.t("insights.exampleSizes"), href: q([["by", "size"]]) },
      ];
  return { title: who.t("insights.title"), frame, examples };
}

export default function InsightsHome() {
  const { title, frame, examples } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <InsightsFrame title={title} lead={t("insights.lead")} frame={frame}>
      <ul className="cards">
        <li className="card">
          <h2>
            <Link to="/insights/compare">{t("insights.compare.title")}</Link>
          </h2>
          <p>{t("insights.cards.compare")}</p>
          <p className="muted">{t("insights.examples")}</p>
          <ul>
            {examples.map((e) => (
              <li key={e.href}>
                <Link to={e.href}>{e.label}</Link>
              </li>
            ))}
          </ul>
        </li>
        <li className="card">
          <h2>
            <Link to="/insights/adoption">{t("insights.adoption.title")}</Link>
          </h2>
          <p>{t("insights.cards.adoption")}</p>
        </li>
      </ul>
    </InsightsFrame>
  );
}
