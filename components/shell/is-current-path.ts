/** Whether a navigation link leads to the page shown or to one of its sub-pages (for aria-current). */
export function isCurrentPath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
