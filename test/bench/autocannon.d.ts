declare module "autocannon" {
  interface Result {
    non2xx: number;
    errors: number;
    /** seconds, start to finish, to 0.01 s */
    duration: number;
    requests: { average: number };
    latency: { p50: number; p97_5: number; p99: number; max: number };
  }
  function autocannon(options: Record<string, unknown>): Promise<Result>;
  export default autocannon;
}
