/** A labelled row of buttons of which one is chosen (aria-pressed): chat kind, chat filter. */
export function ToggleGroup<Value extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: { value: Value; label: string }[];
  value: Value;
  onChange: (value: Value) => void;
}) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap gap-1">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === value}
          onClick={() => onChange(option.value)}
          className={`min-h-11 min-w-11 whitespace-nowrap rounded-md px-1.5 text-[13px] md:min-h-8 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-700 ${
            option.value === value ? "bg-slate-900 text-white" : "bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-100"
          }`}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
