import { makeTextStorable } from "@/lib/text/make-text-storable";

/**
 * A request's query string as a plain object for a zod schema (the last value of a repeated name), each value made
 * storable: `?q=%00` must give a 400 or an empty result, never a database error.
 */
export function readSearchParams(request: Request): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new URL(request.url).searchParams) values[makeTextStorable(name)] = makeTextStorable(value);
  return values;
}
