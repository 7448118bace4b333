/** A nav link is current on its own page and on every page below it (`/settings/connections` → Settings). */
export function isCurrentSection(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
