import { type Locale, pick } from "~/i18n/locales";
import { useTranslation } from "~/i18n/use-translation";

/** The guide's official heading of a chapter or article, its project title, and the reader's language. */
interface HeadingProps {
  official: string;
  title: { zh: string; en: string };
  locale: Locale;
}

/** The guide's heading, labelled as official (it is Chinese only), beside the project's own short title. */
export function OfficialHeading({ official, title, locale }: HeadingProps) {
  const { t } = useTranslation();
  return (
    <dl className="official-heading">
      <div>
        <dt>{t("guide.officialHeading")}</dt>
        <dd lang="zh-CN">{official}</dd>
      </div>
      <div>
        <dt>{t("guide.ourTitle")}</dt>
        <dd>{pick(title, locale)}</dd>
      </div>
    </dl>
  );
}

/** The heading a page shows: the official one in Chinese, the project's translation of the title in English. */
export const shownHeading = (item: { officialHeading: string; title: { zh: string; en: string } }, locale: Locale) =>
  locale === "zh" ? item.officialHeading : item.title.en;

/** Beside a heading shown by `shownHeading`, the other one: the project's title in Chinese, the official one in English. */
export function HeadingNote({ official, title, locale }: HeadingProps) {
  const { t } = useTranslation();
  return locale === "zh" ? (
    <span className="muted">
      （{t("guide.ourTitle")}：{title.zh}）
    </span>
  ) : (
    <span className="muted">
      ({t("guide.officialHeading")}: <span lang="zh-CN">{official}</span>)
    </span>
  );
}
