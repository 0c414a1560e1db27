// GET /api/v1/releases/:number/cells.xlsx: the cells as an XLSX workbook.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { cellsResponse } from "~/statistics/publish/api.server";

export const loader = (args: LoaderFunctionArgs) => cellsResponse(args, "xlsx");
