/** What FormStatus reads of a TanStack query (or anything shaped like it). */
type ReadState = { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };

/**
 * How a form's values stand while they are read from the server: a polite line while they load, or why they could not
 * be read (announced at once) with a Retry button. Nothing once they are there.
 */
export function FormStatus({
  read,
  pendingText,
  describeError,
  retryLabel,
  buttonClassName,
}: {
  read: ReadState;
  pendingText: string;
  /** The failure in the page's language. */
  describeError: (error: unknown) => string;
  retryLabel: string;
  buttonClassName: string;
}) {
  if (read.isPending) {
    return (
      <p role="status" className="text-sm">
        {pendingText}
      </p>
    );
  }
  if (!read.isError) return null;
  return (
    <p role="alert" className="text-sm text-red-700">
      {describeError(read.error)}{" "}
      <button type="button" className={buttonClassName} onClick={() => void read.refetch()}>
        {retryLabel}
      </button>
    </p>
  );
}
