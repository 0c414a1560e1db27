// Any other path under /api/v1: a JSON 404, not the HTML error page.
import { notFoundProblem } from "~/models/release-api.server";

export const loader = () => notFoundProblem();
