import { describe, expect, it } from '@jest/globals';
import { feedUrn, FEED_NAMES } from './feed-ids';

/** The timeline feed's id, as RFC 9562's version 5 of its name in Dateline's namespace gives it (checked against the uuid package's v5). */
const FIXED_TIMELINE_FEED_ID = 'urn:uuid:b3bb0198-117c-57c5-b564-000b81576a19';

describe('feed ids', () => {
  it('are version 5 UUID URNs, the same for the same name whatever its case, different for another version', () => {
    const id = feedUrn(FEED_NAMES.factChange('0F00852E-6287-4A7A-A31E-722692ED672C', 2));
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(feedUrn(FEED_NAMES.factChange('0f00852e-6287-4a7a-a31e-722692ed672c', 2))).toBe(id);
    expect(feedUrn(FEED_NAMES.factChange('0f00852e-6287-4a7a-a31e-722692ed672c', 3))).not.toBe(id);
    expect(feedUrn(FEED_NAMES.storyRevision('0f00852e-6287-4a7a-a31e-722692ed672c', 2))).not.toBe(id);
  });

  it('never change: the name of a fact version gives this id today and after any release', () => {
    // Readers remember items by id: a change to the namespace or the names would show every item again as new.
    expect(feedUrn(FEED_NAMES.factChange('0f00852e-6287-4a7a-a31e-722692ed672c', 2))).toBe(
      feedUrn('diplomatic-event/0f00852e-6287-4a7a-a31e-722692ed672c/version/2'),
    );
    expect(feedUrn(FEED_NAMES.timelineFeed())).toBe(FIXED_TIMELINE_FEED_ID);
  });
});
