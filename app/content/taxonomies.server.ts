import { loadContent } from "~/content/load.server";
import {
  businessLinksFile,
  industriesFile,
  regionsFile,
  scenarioTiersFile,
  sizeClassesFile,
  technologiesFile,
} from "~/content/schemas";

export const regions = () => loadContent("taxonomies/regions.json", regionsFile).regions;
export const industries = () => loadContent("taxonomies/industries.json", industriesFile);
export const sizeClasses = () => loadContent("taxonomies/size-classes.json", sizeClassesFile);
export const businessLinks = () => loadContent("taxonomies/business-links.json", businessLinksFile).links;
export const scenarioTiers = () => loadContent("taxonomies/scenario-tiers.json", scenarioTiersFile).tiers;
export const technologies = () => loadContent("taxonomies/technologies.json", technologiesFile).technologies;

/** Regions where a firm with a unified social credit code can be registered. */
export const selectableRegions = () => regions().filter((r) => r.mainland);

/** The industry division (GB/T 4754 two-digit code) with this code, if any. */
export function industryDivision(code: string) {
  return industries().divisions.find((d) => d.code === code);
}

/** The industry group a division belongs to; undefined for an unknown code. */
export function industryGroupOf(code: string): string | undefined {
  return industryDivision(code)?.group;
}

export function isKnownDivision(code: string): boolean {
  return industryDivision(code) !== undefined;
}

export function isSelectableRegion(code: string): boolean {
  return selectableRegions().some((r) => r.code === code);
}

/** Load every taxonomy so a bad file stops the server at start, not on a request. */
export function loadAllTaxonomies(): void {
  regions();
  industries();
  sizeClasses();
  businessLinks();
  scenarioTiers();
  technologies();
}
