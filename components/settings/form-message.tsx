/**
 * The outcome of an action, in words, where the action happened: an error is announced at once (alert), a success
 * politely (status). Both regions always exist so a screen reader hears what appears in them.
 */
export function FormMessage({ error, success }: { error?: string | null; success?: string | null }) {
  return (
    <>
      <div role="alert" className="text-sm text-red-700">
        {error}
      </div>
      <div role="status" className="text-sm text-green-800">
        {!error && success}
      </div>
    </>
  );
}
