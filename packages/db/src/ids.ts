import { randomBytes } from 'node:crypto';

// The last timestamp and counter handed out in this process: ids made in the same millisecond (or
// with a clock that stands still, as in tests) still sort in creation order (RFC 9562, method 1).
let lastMs = -1;
let counter = 0;

/** UUID v7: time-ordered, so primary-key indexes stay append-mostly on both dialects. */
export function newId(now: number = Date.now()): string {
  let ms = now;
  if (ms <= lastMs) {
    ms = lastMs;
    counter += 1;
    // 12 counter bits exhausted within one millisecond: borrow the next millisecond.
    if (counter > 0xfff) {
      ms = lastMs + 1;
      counter = 0;
    }
  } else {
    counter = 0;
  }
  lastMs = ms;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
