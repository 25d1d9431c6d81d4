import { errorResponse } from "./error-response";

/**
 * The one wrapper every route handler goes through: it answers the handler's value as JSON and any error as
 * `{ error: { code, message } }` (see error-response.ts). Sessions and account rights join here with sign-in.
 */
export function handleRoute<Context>(handler: (request: Request, context: Context) => Promise<unknown>) {
  return async (request: Request, context: Context): Promise<Response> => {
    try {
      const result = await handler(request, context);
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
