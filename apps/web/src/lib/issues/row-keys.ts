/**
 * Keyboard operation of a table's rows (one row in the Tab order, the others reached with the arrows):
 * ArrowUp/ArrowDown/Home/End move between rows, Enter opens the row's title link, Space toggles its
 * selection checkbox. Keys typed inside a control of the row (a link, a button, a checkbox) are left alone.
 */
export function onRowKeydown(event: KeyboardEvent): void {
  const row = event.target as HTMLElement;
  if (row.tagName !== 'TR') return;
  const rows = Array.from(row.parentElement?.querySelectorAll<HTMLElement>(':scope > tr[tabindex]') ?? []);
  const index = rows.indexOf(row);
  const move = (to: number) => {
    event.preventDefault();
    rows[Math.max(0, Math.min(rows.length - 1, to))]?.focus();
  };
  switch (event.key) {
    case 'ArrowDown':
      return move(index + 1);
    case 'ArrowUp':
      return move(index - 1);
    case 'Home':
      return move(0);
    case 'End':
      return move(rows.length - 1);
    case 'Enter': {
      const link = row.querySelector<HTMLAnchorElement>('a.title');
      if (link) {
        event.preventDefault();
        link.click();
      }
      return;
    }
    case ' ': {
      const box = row.querySelector<HTMLInputElement>('td.select input[type="checkbox"]');
      if (box) {
        event.preventDefault();
        box.click();
      }
      return;
    }
  }
}
