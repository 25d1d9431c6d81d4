import { redirect } from "next/navigation";

// The inbox is the home of a signed-in agent; the inbox's layout sends everyone else to sign in (or to setup).
export default function HomePage() {
  redirect("/inbox");
}
