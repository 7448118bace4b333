import { AUDIT_RETENTION_MS } from '@mj/core';
import { pageAudit, type AuditRow } from '@mj/db';
import type { TenantContext } from '../context';

const dto = (row: AuditRow) => ({
  id: row.id,
  at: new Date(row.at).toISOString(),
  actor: row.actor,
  action: row.action,
  deletionId: row.deletionId,
  itemId: row.itemId,
  title: row.title,
  sizeBytes: row.sizeBytes,
  detail: row.detail,
});

/** The tenant's audit log, newest first, the last 365 days. */
export async function listAudit(ctx: TenantContext, query: { action?: string; page: number; pageSize: number }) {
  const { rows, total } = await pageAudit(ctx.db, ctx.tenantId, {
    action: query.action,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
    since: ctx.clock.now() - AUDIT_RETENTION_MS,
  });
  return { items: rows.map(dto), total, page: query.page, pageSize: query.pageSize };
}

/** RFC 4180 field: quoted when needed; a leading =+-@ is prefixed so spreadsheets do not run it. */
function csvField(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole log (365 days) as CSV, for export. */
export async function auditCsv(ctx: TenantContext): Promise<string> {
  const lines = ['at,actor,action,title,sizeBytes,itemId,deletionId,detail'];
  const pageSize = 1000;
  for (let page = 1; ; page += 1) {
    const { items } = await listAudit(ctx, { page, pageSize });
    for (const e of items)
      lines.push(
        [e.at, e.actor, e.action, e.title, e.sizeBytes, e.itemId, e.deletionId, e.detail].map(csvField).join(','),
      );
    if (items.length < pageSize) break;
  }
  return `${lines.join('\r\n')}\r\n`;
}
