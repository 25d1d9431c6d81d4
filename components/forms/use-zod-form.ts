"use client";

import { useRef, useState, type ChangeEvent, type FormEvent } from "react";
import type { z } from "zod";

export type FieldIssue = z.core.$ZodIssue;

type Values<Name extends string> = Record<Name, string>;

/**
 * A form checked in the browser by the server's own zod schema (lib/…-fields.ts), so the two never disagree about
 * a rule. Each field's problem is put into words by `describe` (the page's language; the schema's messages are the
 * API's English). A field's problem goes when it is edited, and `onEdit` lets the form drop a server answer that no
 * longer applies, so an old message never stands beside a new one. The first field with a problem takes the focus.
 */
export function useZodForm<Name extends string, Schema extends z.ZodType>(options: {
  schema: Schema;
  initial: Values<Name>;
  /** `blank`: the field was left empty (whatever rule refused it, "required" is what to say). */
  describe: (name: Name, issue: FieldIssue, blank: boolean) => string;
  onEdit?: () => void;
}) {
  const { schema, initial, describe, onEdit } = options;
  const [values, setValues] = useState<Values<Name>>(initial);
  const [errors, setErrors] = useState<Partial<Record<Name, string>>>({});
  const refs = useRef(new Map<Name, HTMLInputElement | null>());
  const names = Object.keys(initial) as Name[];

  function field(name: Name) {
    return {
      name,
      value: values[name],
      error: errors[name],
      ref: (element: HTMLInputElement | null) => {
        refs.current.set(name, element);
      },
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        const value = event.target.value;
        setValues((current) => ({ ...current, [name]: value }));
        setErrors((current) => (current[name] ? { ...current, [name]: undefined } : current));
        onEdit?.();
      },
    };
  }

  /** The submit handler: `onValid` gets the schema's output (trimmed, normalised) only when every field passes. */
  function submit(onValid: (data: z.output<Schema>) => void) {
    return (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      onEdit?.();
      const parsed = schema.safeParse(values);
      if (parsed.success) {
        setErrors({});
        onValid(parsed.data);
        return;
      }
      const found: Partial<Record<Name, string>> = {};
      for (const issue of parsed.error.issues) {
        const name = issue.path[0] as Name;
        if (names.includes(name) && found[name] === undefined) found[name] = describe(name, issue, values[name].trim() === "");
      }
      setErrors(found);
      const first = names.find((name) => found[name] !== undefined);
      if (first) refs.current.get(first)?.focus();
    };
  }

  return { values, errors, field, submit, reset: () => setValues(initial) };
}
