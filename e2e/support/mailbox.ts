import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { parseMail, type ParsedMail } from './mime';

export interface CapturedMail extends ParsedMail {
  /** Envelope recipients, lower-cased. */
  to: string[];
  raw: string;
}

/**
 * An SMTP server that accepts everything and stores each message as `<n>.json` in `dir`, so tests (which
 * run in other processes than the global setup) can read them.
 */
export async function startMailCatcher(dir: string): Promise<{ port: number; close: () => Promise<void> }> {
  await mkdir(dir, { recursive: true });
  let counter = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const file = join(dir, `${String(++counter).padStart(5, '0')}.json`);
        writeFile(file, JSON.stringify({ to, raw: Buffer.concat(chunks).toString('utf8') })).then(
          () => callback(),
          callback,
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('SMTP server has no port');
  return { port: address.port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Every mail captured so far for `recipient`, oldest first. */
export async function mailsFor(dir: string, recipient: string): Promise<CapturedMail[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const mails: CapturedMail[] = [];
  for (const file of files) {
    const { to, raw } = JSON.parse(await readFile(join(dir, file), 'utf8')) as { to: string[]; raw: string };
    if (to.includes(recipient.toLowerCase())) mails.push({ to, raw, ...parseMail(raw) });
  }
  return mails;
}
