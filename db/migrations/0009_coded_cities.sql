-- Coded cities (decision 022): a GB/T 2260 prefecture-level city, within the firm's province.
ALTER TABLE "firms" ADD COLUMN "city_code" varchar(6);--> statement-breakpoint
ALTER TABLE "firms" ADD CONSTRAINT "firms_city_code_in_province" CHECK ("firms"."city_code" is null or ("firms"."city_code" ~ '^[0-9]{6}$' and left("firms"."city_code", 2) = left("firms"."region_code", 2)));