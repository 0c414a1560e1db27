// The lists an improvement-plan action draws from: the one source of the database enums, the forms and the views.
export const PLAN_STATUSES = ["planned", "in_progress", "done", "dropped"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Where an action came from: one of the report's recommended actions, a suggested scene, or the firm's own words. */
export const PLAN_SOURCES = ["recommendation", "scene", "custom"] as const;
export type PlanSource = (typeof PLAN_SOURCES)[number];

/** Still to be done: what an overdue reminder is about. */
export function isOpen(status: PlanStatus): boolean {
  return status === "planned" || status === "in_progress";
}

/** An open action whose due date (a calendar day, YYYY-MM-DD) is before today's (UTC). */
export function isOverdue(action: { status: PlanStatus; dueDate: string | null }, now: Date): boolean {
  return isOpen(action.status) && action.dueDate !== null && action.dueDate < now.toISOString().slice(0, 10);
}

/** Days between reminders about one overdue action. */
export const REMINDER_INTERVAL_DAYS = 7;
