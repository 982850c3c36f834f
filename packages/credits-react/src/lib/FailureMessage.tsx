/** Why the last action did not go through, announced at once; nothing when there is nothing to say. */
export function FailureMessage({ message, slot }: { message: string | undefined; slot?: string }) {
  if (!message) return null;
  return (
    <p
      role="alert"
      data-slot={slot}
      className="cr:m-0 cr:rounded-md cr:bg-danger-soft cr:p-3 cr:text-sm"
    >
      {message}
    </p>
  );
}
