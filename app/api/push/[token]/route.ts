import { answerPush } from "@/lib/push/answer-push";

type Context = { params: Promise<{ token: string }> };

/**
 * Ozon's push notifications for one seller account (no session: Ozon calls it; the token in the URL is the secret).
 * The server answers them before Next's pipeline (lib/push/install-push-receiver.ts); this route is the same answer
 * wherever that is not installed.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  const { token } = await context.params;
  return answerPush(token, request);
}
