import { getDb } from "@/lib/db/client";
import { accountRoute } from "@/lib/http/account-route";
import { getMetricsReport } from "@/lib/metrics/get-metrics-report";

/** The metrics page's figures: ?range=today|7d|30d|custom&from=YYYY-MM-DD&to=YYYY-MM-DD. Agents get their own only. */
export const GET = accountRoute(async ({ request, user, account }) =>
  getMetricsReport(getDb(), { accountId: account.id, user, query: Object.fromEntries(new URL(request.url).searchParams) }),
);
