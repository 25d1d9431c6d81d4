import type { InputHTMLAttributes, Ref } from "react";

type AuthFieldProps = { label: string; id: string; error?: string; ref?: Ref<HTMLInputElement> } & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input for the sign-in and setup forms; its problem, when it has one, is read out with it. */
export function AuthField({ label, id, error, ...input }: AuthFieldProps) {
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [input["aria-describedby"], errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        className="block min-h-11 w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30"
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
