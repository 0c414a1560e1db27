// GET /api/v1/releases/:number/cells?period=&industry=&region=&size=&format=json|csv|xlsx
import type { LoaderFunctionArgs } from "@remix-run/node";
import { cellsResponse } from "~/statistics/publish/api.server";

export const loader = (args: LoaderFunctionArgs) => cellsResponse(args, null);
