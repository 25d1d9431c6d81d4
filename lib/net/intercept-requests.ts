import http from "node:http";

/**
 * Runs `intercept` on every request this process's HTTP servers receive, before their own handler (Next's): once per
 * `name` (a second call with the same name does nothing). It returns true when it answered the request itself (the
 * server's handler then never sees it). No custom server: the Node server Next creates is used as it is.
 */
export function interceptRequests(name: string, intercept: (request: http.IncomingMessage, response: http.ServerResponse) => boolean): void {
  const installed = Symbol.for(`seller-inbox.${name}`);
  const proto = http.Server.prototype as http.Server & { [key: symbol]: true | undefined };
  if (proto[installed]) return;
  proto[installed] = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request" && intercept(args[0] as http.IncomingMessage, args[1] as http.ServerResponse)) return true;
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
