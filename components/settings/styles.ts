/** The settings pages' shared Tailwind classes: one look for every button and field. */
const focusRing = "focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:ring-offset-2";
// Touch-sized (44 px) on phones, compact from the md breakpoint on.
const touch = "min-h-11 md:min-h-0";

export const buttonClass = `inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100 disabled:opacity-60 ${touch} ${focusRing}`;
export const primaryButtonClass = `inline-flex items-center rounded-md bg-blue-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800 disabled:opacity-60 ${touch} ${focusRing}`;
export const dangerButtonClass = `inline-flex items-center rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60 ${touch} ${focusRing}`;
export const inputClass =
  "block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm md:min-h-0 shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 aria-[invalid=true]:border-red-600";
export const cardClass = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
