import { describe, expect, it } from 'vitest';
import type { IssueItem } from '@mj/contracts';
import { BULK_ACTIONS, bulkItems, whitelistBody, WHITELIST_OF } from '$lib/issues/actions';

const item = (id: string) => ({ id, title: id }) as unknown as IssueItem;

describe('bulk whitelist actions', () => {
  it('offers every whitelist that takes an item id, never the request or episode ones', () => {
    expect(BULK_ACTIONS.map((a) => WHITELIST_OF[a])).toEqual([
      'content',
      'large',
      'language-exempt',
      'original-language-only',
      'subtitles-suffice',
    ]);
  });

  it('leaves request rows out of a selection and posts one item id per title', () => {
    const chosen = bulkItems([item('a'), item('request:7'), item('b')]);
    expect(chosen.map((i) => i.id)).toEqual(['a', 'b']);
    expect(chosen.map((i) => whitelistBody('protect', i, null))).toEqual([{ itemId: 'a' }, { itemId: 'b' }]);
  });
});
