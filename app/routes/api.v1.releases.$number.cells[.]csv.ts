// GET /api/v1/releases/:number/cells.csv: the cells as CSV (UTF-8 with BOM).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { cellsResponse } from "~/statistics/publish/api.server";

export const loader = (args: LoaderFunctionArgs) => cellsResponse(args, "csv");
