// The questionnaire in the browser: SurveyJS, paged with a labelled progress indicator, saving to
// the server on every page change, shortly after each answer, and when the page is hidden or closed.
import { useEffect, useMemo, useRef, useState } from "react";
import { Survey } from "survey-react-ui";
import { type Change, sameAnswer } from "~/assessment/merge";
import { progressLabel, questionnaireProgress } from "~/assessment/questionnaire-progress";
import type { SurveyDefinition } from "~/assessment/schemas";
import { createSurveyModel } from "~/assessment/survey-model";
import type { Locale } from "~/i18n/locales";
import { useTranslation } from "~/i18n/use-translation";

type Status =
  | { kind: "idle" | "saving" | "saved" | "failed" }
  | { kind: "conflict"; questions: string[] }
  | { kind: "invalid"; messages: string[] };

interface Props {
  definition: SurveyDefinition;
  answers: Record<string, unknown>;
  /** the scored questions, which the progress indicator counts */
  scored: string[];
  version: number;
  page: number;
  locale: Locale;
  saveUrl: string;
  reviewUrl: string;
}

const AUTOSAVE_DELAY_MS = 1500;

export function Questionnaire({ definition, answers, scored, version, page, locale, saveUrl, reviewUrl }: Props) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const state = useRef({
    version,
    page,
    saved: { ...answers } as Record<string, Change>,
    inFlight: null as Promise<void> | null,
    again: false,
  });

  const survey = useMemo(
    () => createSurveyModel(definition, { locale, completeText: t("assessment.review"), answers, page }),
    // The model is built once per mount; later answers come from the user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const progressNow = () =>
    questionnaireProgress(survey.currentPageNo, survey.pageCount, survey.data as Record<string, unknown>, scored);
  const [progress, setProgress] = useState(progressNow);

  useEffect(() => {
    const s = state.current;
    const titleOf = (name: string) => survey.getQuestionByName(name)?.title ?? name;

    async function send(keepalive: boolean): Promise<void> {
      const data = survey.data as Record<string, Change>;
      const changes: Record<string, Change> = {};
      const base: Record<string, Change> = {};
      for (const q of new Set([...Object.keys(data), ...Object.keys(s.saved)])) {
        if (!sameAnswer(data[q], s.saved[q])) {
          changes[q] = data[q] ?? null;
          base[q] = s.saved[q] ?? null;
        }
      }
      // Nothing new: no request, so the version only moves when something was saved.
      if (Object.keys(changes).length === 0 && survey.currentPageNo === s.page) return;
      const body = JSON.stringify({ version: s.version, page: survey.currentPageNo, changes, base });
      setStatus({ kind: "saving" });
      try {
        const res = await fetch(saveUrl, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body,
          keepalive,
          credentials: "same-origin",
        });
        const json = (await res.json()) as {
          version?: number;
          error?: string;
          conflicts?: string[];
          problems?: Array<{ message: string }>;
        };
        if (res.ok && json.version) {
          s.version = json.version;
          s.page = JSON.parse(body).page as number;
          for (const [q, v] of Object.entries(changes)) {
            if (v === null) delete s.saved[q];
            else s.saved[q] = v;
          }
          setStatus({ kind: "saved" });
        } else if (json.error === "conflict") {
          setStatus({ kind: "conflict", questions: (json.conflicts ?? []).map(titleOf) });
        } else if (json.error === "not_draft") {
          window.location.reload();
        } else if (json.error === "invalid") {
          setStatus({ kind: "invalid", messages: (json.problems ?? []).map((p) => p.message) });
        } else {
          setStatus({ kind: "failed" });
        }
      } catch {
        setStatus({ kind: "failed" });
      }
    }

    // One save at a time; a request made meanwhile runs once the current one ends.
    function save(keepalive = false): Promise<void> {
      if (s.inFlight) {
        s.again = true;
        return s.inFlight;
      }
      s.inFlight = send(keepalive).finally(() => {
        s.inFlight = null;
        if (s.again) {
          s.again = false;
          void save();
        }
      });
      return s.inFlight;
    }

    let timer: ReturnType<typeof setTimeout> | undefined;
    const onProgress = () => setProgress(progressNow());
    const onValue = () => {
      onProgress();
      clearTimeout(timer);
      timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    };
    const onPage = () => {
      onProgress();
      clearTimeout(timer);
      void save();
    };
    const onComplete = async () => {
      clearTimeout(timer);
      await save();
      if (s.inFlight) await s.inFlight;
      window.location.assign(reviewUrl);
    };
    const onHide = () => {
      if (document.visibilityState === "hidden") void save(true);
    };
    const onPageHide = () => void save(true);
    onProgress(); // answers restored before this effect ran
    survey.onValueChanged.add(onValue);
    survey.onCurrentPageChanged.add(onPage);
    survey.onComplete.add(onComplete);
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      clearTimeout(timer);
      survey.onValueChanged.remove(onValue);
      survey.onCurrentPageChanged.remove(onPage);
      survey.onComplete.remove(onComplete);
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onPageHide);
    };
    // progressNow reads only the survey and the scored list, both fixed for the mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [survey, saveUrl, reviewUrl]);

  return (
    <>
      {status.kind === "conflict" ? (
        <div className="conflict" role="alert">
          <p>{t("assessment.conflict", { questions: status.questions.join("、") })}</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t("assessment.reload")}
          </button>
        </div>
      ) : null}
      {status.kind === "invalid" ? (
        <div className="conflict" role="alert">
          <ul>
            {status.messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="status-line" role="status" aria-live="polite" data-testid="save-status">
        {status.kind === "saving"
          ? t("assessment.saving")
          : status.kind === "saved"
            ? t("assessment.saved")
            : status.kind === "failed"
              ? t("assessment.saveFailed")
              : ""}
      </p>
      <div className="questionnaire-progress">
        <p id="questionnaire-progress-label" data-testid="questionnaire-progress">
          {progressLabel(t, progress)}
        </p>
        <progress
          aria-labelledby="questionnaire-progress-label"
          max={Math.max(1, progress.total)}
          value={progress.answered}
        />
      </div>
      <Survey model={survey} />
    </>
  );
}
