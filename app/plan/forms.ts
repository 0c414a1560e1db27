// The plan's forms, validated with zod; every message is an i18n key under "plan.errors.".
import { z } from "zod";
import { PLAN_STATUSES } from "~/plan/status";
import { parseForm } from "~/platform/form-parse";

const uuid = z.uuid({ error: "plan.errors.invalid" });
const dueDate = z
  .string()
  .trim()
  .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), {
    message: "plan.errors.dueDate",
  })
  .refine((v) => v === "" || (v >= "2000-01-01" && v <= "2100-12-31"), { message: "plan.errors.dueDate" })
  .transform((v) => (v === "" ? null : v));
const notes = z.string().max(2000, "plan.errors.notesTooLong").default("");
const status = z.enum(PLAN_STATUSES, { error: "plan.errors.status" });

export const addRecommendationForm = z.object({
  intent: z.literal("add-recommendation"),
  assessmentId: uuid,
  dimension: z.string().min(1).max(64),
  level: z.coerce.number().int().min(1).max(5),
  actionIndex: z.coerce.number().int().min(0).max(50),
});

export const addSceneForm = z.object({
  intent: z.literal("add-scene"),
  assessmentId: uuid,
  dimension: z.string().min(1).max(64),
  sceneSlug: z.string().min(1).max(120),
});

export const addCustomForm = z.object({
  intent: z.literal("add-custom"),
  title: z.string().trim().min(1, "plan.errors.titleRequired").max(200, "plan.errors.titleTooLong"),
  dimension: z.string({ error: "plan.errors.dimension" }).min(1, "plan.errors.dimension").max(64),
  ownerId: uuid.optional(),
  dueDate: dueDate.optional(),
  notes,
});

export const updateForm = z.object({
  intent: z.literal("update"),
  actionId: uuid,
  ownerId: uuid.optional(),
  dueDate: dueDate.optional(),
  status: status.optional(),
  notes: z.string().max(2000, "plan.errors.notesTooLong").optional(),
});

/** Validate the form's text fields; each field keeps its first message (a plan.errors key). */
export function parsePlanForm<S extends z.ZodType>(schema: S, form: FormData) {
  return parseForm(schema, form, { prefix: "plan.errors.", fallback: "plan.errors.invalid" });
}
