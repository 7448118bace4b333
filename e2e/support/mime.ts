/**
 * Just enough MIME to read the text of the mails the app sends (nodemailer output): headers, multipart
 * bodies, quoted-printable and base64. Links in quoted-printable text are split by soft line breaks and
 * have `=` encoded as `=3D`, so searching the raw message for a URL would not work.
 */
export interface ParsedMail {
  headers: Record<string, string>;
  /** Every text/plain and text/html part, decoded, concatenated. */
  text: string;
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const separator = raw.search(/\r?\n\r?\n/);
  const head = separator < 0 ? raw : raw.slice(0, separator);
  const body = separator < 0 ? '' : raw.slice(separator).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

function textOf(raw: string): string[] {
  const { headers, body } = splitHeaders(raw);
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith('--'))
      .flatMap((part) => textOf(part.replace(/^\r?\n/, '')));
  }
  return type.toLowerCase().startsWith('text/') ? [decodeBody(body, headers['content-transfer-encoding'])] : [];
}

export function parseMail(raw: string): ParsedMail {
  return { headers: splitHeaders(raw).headers, text: textOf(raw).join('\n') };
}
