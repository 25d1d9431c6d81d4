import type { InputHTMLAttributes } from "react";

type AuthFieldProps = { label: string; id: string } & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input for the sign-in and setup forms. */
export function AuthField({ label, id, ...input }: AuthFieldProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30"
        {...input}
      />
    </div>
  );
}
