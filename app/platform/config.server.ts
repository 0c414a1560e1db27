import { type Config, parseConfig } from "~/platform/config-schema";

let cached: Config | undefined;

/** The process configuration, read and validated once. */
export function config(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}
