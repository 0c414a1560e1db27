// Who may change the improvement plan (decision 026): every member sees it; the firm's owner changes
// everything; a member adds actions for themselves and moves the status and notes of actions they own.
import type { FirmRole } from "~/accounts/access";

export const PLAN_FIELDS = ["owner", "dueDate", "status", "notes"] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

/** The fields a member may change on an action they own. */
const OWN_FIELDS: ReadonlySet<PlanField> = new Set(["status", "notes"]);

export interface PlanActor {
  userId: string;
  role: FirmRole | null;
}

export type PlanDecision = "allowed" | "not_member" | "owner_only" | "not_yours";

/** May the actor add an action owned by `ownerId`? A member adds only their own. */
export function mayAdd(actor: PlanActor, ownerId: string): PlanDecision {
  if (actor.role === null) return "not_member";
  if (actor.role === "owner") return "allowed";
  return ownerId === actor.userId ? "allowed" : "owner_only";
}

/** May the actor change these fields of an action owned by `action.ownerId`? No change is always allowed to a member. */
export function mayEdit(
  actor: PlanActor,
  action: { ownerId: string | null },
  changed: readonly PlanField[],
): PlanDecision {
  if (actor.role === null) return "not_member";
  if (actor.role === "owner" || changed.length === 0) return "allowed";
  if (action.ownerId !== actor.userId) return "not_yours";
  return changed.every((f) => OWN_FIELDS.has(f)) ? "allowed" : "owner_only";
}

/** The fields the actor may change on this action: what the page offers to edit. */
export function editableFields(actor: PlanActor, action: { ownerId: string | null }): PlanField[] {
  return PLAN_FIELDS.filter((f) => mayEdit(actor, action, [f]) === "allowed");
}
