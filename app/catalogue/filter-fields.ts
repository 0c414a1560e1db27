// The filters a catalogue page can offer (shared by the server's URL parser and the filter form).
export const FILTER_FIELDS = ["group", "division", "link", "tier", "technology", "article", "region", "size"] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
