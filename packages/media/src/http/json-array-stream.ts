import JSONParser from '@streamparser/json/jsonparser.js';
import type { z } from 'zod';

/** Why a streamed array was refused; the transport turns it into an `invalid_response` MediaError. */
export class StreamedArrayError extends Error {
  constructor(
    message: string,
    readonly issues?: z.core.$ZodIssue[],
  ) {
    super(message);
  }
}

/**
 * Parses a JSON array as its bytes arrive, validating and mapping each element as soon as it is
 * complete, so a whole-library listing is never held as one string plus one parsed tree: only the
 * mapped results stay. The parser keeps no stack of finished elements (`keepStack: false`).
 */
export class JsonArrayStream<T, R> {
  readonly results: R[] = [];
  #parser: JSONParser;
  #sawStart = false;
  #ended = false;

  constructor(
    private readonly item: z.ZodType<T>,
    private readonly map: (value: T) => R,
  ) {
    this.#parser = new JSONParser({ paths: ['$.*'], keepStack: false });
    this.#parser.onValue = ({ value, key }) => {
      const parsed = this.item.safeParse(value);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const where = first ? `[${String(key)}].${first.path.join('.')}: ${first.message}` : `[${String(key)}]`;
        throw new StreamedArrayError(where, parsed.error.issues.slice(0, 10));
      }
      this.results.push(this.map(parsed.data));
    };
    this.#parser.onEnd = () => {
      this.#ended = true;
    };
  }

  write(chunk: Buffer): void {
    if (!this.#sawStart) {
      // `$.*` would also match an object's properties: only a top-level array is a list.
      const text = chunk.toString('utf8').trimStart();
      if (text.length === 0) return;
      if (!text.startsWith('[')) throw new StreamedArrayError('expected a JSON array');
      this.#sawStart = true;
    }
    try {
      this.#parser.write(chunk);
    } catch (error) {
      if (error instanceof StreamedArrayError) throw error;
      throw new StreamedArrayError(`not JSON (${(error as Error).message})`);
    }
  }

  /** Checks the document was complete and returns the mapped elements. */
  end(): R[] {
    if (!this.#sawStart) throw new StreamedArrayError('expected a JSON array, got an empty body');
    if (!this.#ended) {
      try {
        this.#parser.end();
      } catch (error) {
        throw new StreamedArrayError(`the JSON array was cut short (${(error as Error).message})`);
      }
    }
    return this.results;
  }
}
