-- One name per concept: the table of firms and the columns that point at it say "firm" (decision 020).
ALTER TABLE "organisations" RENAME TO "firms";--> statement-breakpoint
ALTER INDEX "organisations_credit_code_key" RENAME TO "firms_credit_code_key";--> statement-breakpoint
ALTER INDEX "organisations_peer_idx" RENAME TO "firms_peer_idx";--> statement-breakpoint
ALTER TABLE "firms" RENAME CONSTRAINT "organisations_pkey" TO "firms_pkey";--> statement-breakpoint
ALTER TABLE "memberships" RENAME COLUMN "organisation_id" TO "firm_id";--> statement-breakpoint
ALTER TABLE "memberships" RENAME CONSTRAINT "memberships_organisation_id_user_id_pk" TO "memberships_firm_id_user_id_pk";--> statement-breakpoint
ALTER TABLE "memberships" RENAME CONSTRAINT "memberships_organisation_id_organisations_id_fk" TO "memberships_firm_id_firms_id_fk";--> statement-breakpoint
ALTER TABLE "invitations" RENAME COLUMN "organisation_id" TO "firm_id";--> statement-breakpoint
ALTER TABLE "invitations" RENAME CONSTRAINT "invitations_organisation_id_organisations_id_fk" TO "invitations_firm_id_firms_id_fk";--> statement-breakpoint
ALTER INDEX "invitations_org_idx" RENAME TO "invitations_firm_idx";--> statement-breakpoint
ALTER TABLE "assessments" RENAME COLUMN "organisation_id" TO "firm_id";--> statement-breakpoint
ALTER TABLE "assessments" RENAME CONSTRAINT "assessments_organisation_id_organisations_id_fk" TO "assessments_firm_id_firms_id_fk";--> statement-breakpoint
ALTER INDEX "assessments_org_period_key" RENAME TO "assessments_firm_period_key";--> statement-breakpoint
ALTER TABLE "cases" RENAME COLUMN "organisation_id" TO "firm_id";--> statement-breakpoint
ALTER TABLE "cases" RENAME CONSTRAINT "cases_organisation_id_organisations_id_fk" TO "cases_firm_id_firms_id_fk";--> statement-breakpoint
ALTER INDEX "cases_org_idx" RENAME TO "cases_firm_idx";
