// Liveness for the demo script, the test runner and load balancers. Says nothing about accounts or data.
export function GET() {
  return Response.json({ ok: true });
}
