// Any other path under /api/v1: a JSON 404, not the HTML error page.
import { notFoundProblem } from "~/statistics/publish/api.server";

export const loader = () => notFoundProblem();
