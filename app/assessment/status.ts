// An assessment's statuses: a draft the firm fills in, submitted (scored, and counted by releases), or
// withdrawn. The one list of them: db/schema.ts feeds its enum from it, so this module stays free of imports.
export const ASSESSMENT_STATUSES = ["draft", "submitted", "withdrawn"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
