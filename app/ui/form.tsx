import { type ReactNode, useEffect, useRef } from "react";
import { useText } from "~/i18n/use-text";
import { useTranslation } from "~/i18n/use-translation";
import type { FieldErrors } from "~/platform/form-parse";

/** GOV.UK-style error summary: a list of links to each field in error, focused when shown. */
export function ErrorSummary({
  errors,
  labels,
  message,
}: {
  errors: FieldErrors | undefined;
  labels: Record<string, string>;
  message?: string | undefined;
}) {
  const text = useText();
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {});
  const shown = entries.length > 0 || Boolean(message);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, errors, message]);
  if (!shown) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t("form.errorSummary")}</h2>
      <ul>
        {message ? <li>{message}</li> : null}
        {entries.map(([field, key]) => (
          <li key={field}>
            {labels[field] ? <a href={`#${field}`}>{`${labels[field]}: ${text(key)}`}</a> : text(key)}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  /** The control's id (and the prefix of its hint and error ids) when several forms on a page share a name. */
  id?: string | undefined;
  label: string;
  error?: string | undefined;
  hint?: string;
  children?: ReactNode;
}

function FieldShell({ name, id = name, label, error, hint, children }: FieldProps) {
  const text = useText();
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {text(error)}
        </p>
      ) : null}
      {children}
    </div>
  );
}

function describedBy(name: string, error?: string, hint?: string) {
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function TextField(
  props: FieldProps & {
    type?: string;
    defaultValue?: string;
    autoComplete?: string;
    required?: boolean;
    inputMode?: "numeric" | "email" | "text";
    maxLength?: number;
  },
) {
  const {
    name,
    id = name,
    error,
    hint,
    type = "text",
    defaultValue,
    autoComplete,
    required,
    inputMode,
    maxLength,
  } = props;
  return (
    <FieldShell {...props}>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        required={required}
        inputMode={inputMode}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      />
    </FieldShell>
  );
}

export function SelectField(
  props: FieldProps & {
    options: ReadonlyArray<{ value: string; label: string }>;
    defaultValue?: string;
    placeholder?: string;
    required?: boolean;
    onChange?: (value: string) => void;
  },
) {
  const { name, id = name, error, hint, options, defaultValue, placeholder, required, onChange } = props;
  return (
    <FieldShell {...props}>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        required={required}
        onChange={onChange ? (e) => onChange(e.currentTarget.value) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      >
        {placeholder ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Notice({ children, tone = "info" }: { children: ReactNode; tone?: "info" | "success" }) {
  return (
    <div className={`notice notice--${tone}`} role="status">
      {children}
    </div>
  );
}

export function TextAreaField(
  props: FieldProps & { defaultValue?: string; required?: boolean; maxLength?: number; rows?: number },
) {
  const { name, id = name, error, hint, defaultValue, required, maxLength, rows = 6 } = props;
  return (
    <FieldShell {...props}>
      <textarea
        id={id}
        name={name}
        defaultValue={defaultValue}
        required={required}
        maxLength={maxLength}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      />
    </FieldShell>
  );
}

/** A fieldset of checkboxes sharing one name; the first box carries the id the error summary links to. */
export function CheckboxGroup({
  name,
  legend,
  options,
  checked,
  error,
  hint,
}: {
  name: string;
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  checked: readonly string[];
  error?: string | undefined;
  hint?: string;
}) {
  const text = useText();
  return (
    <fieldset
      className={error ? "checkboxes field--error" : "checkboxes"}
      aria-describedby={describedBy(name, error, hint)}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${name}-error`}>
          {text(error)}
        </p>
      ) : null}
      {options.map((o, i) => (
        <div className="checkbox" key={o.value}>
          <input
            type="checkbox"
            id={i === 0 ? name : `${name}-${o.value}`}
            name={name}
            value={o.value}
            defaultChecked={checked.includes(o.value)}
          />
          <label htmlFor={i === 0 ? name : `${name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
