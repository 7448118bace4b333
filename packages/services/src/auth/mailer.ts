import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Notifications send HTML alongside the text part. */
  html?: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/** Where a mail goes when there is no SMTP server: the console of the person running embedded mode. */
export type ConsolePrinter = (text: string) => void;

const printToStdout: ConsolePrinter = (text) => process.stdout.write(text);

/**
 * SMTP when configured. Without SMTP (embedded mode only: production refuses to start) each mail is
 * printed once to the console for the person at the machine, and never to the structured log, which
 * is shipped and kept: a reset link there would let any reader take over the account.
 */
export function createMailer(opts: { smtpUrl?: string; from: string; print?: ConsolePrinter }): Mailer {
  if (!opts.smtpUrl) {
    const print = opts.print ?? printToStdout;
    return {
      async send(mail) {
        print(`\n--- mail to ${mail.to} (SMTP_URL not set) ---\n${mail.subject}\n\n${mail.text}\n---\n`);
      },
    };
  }
  const transport = nodemailer.createTransport(opts.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: opts.from, ...mail });
    },
  };
}
