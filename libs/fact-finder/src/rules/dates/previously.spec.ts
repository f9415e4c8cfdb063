import { describe, expect, it } from '@jest/globals';
import { MAY_16 } from '../../testing/read';
import { previously } from './previously';

describe('previously', () => {
  it('names earlier meetings as a background fact, on or before the publication day, before this one', () => {
    const [f] = previously('as we have previously said during meetings in Jeddah and Riyadh with our American partners.', 0, MAY_16);
    expect(f).toMatchObject({
      background: { precision: 'bounded', onOrBefore: '2025-05-16', certainty: 'inferred' },
      relation: { relation: 'after', to: 'background' },
    });
    expect(f.end).toBe('as we have previously said during meetings in Jeddah and Riyadh with our American partners'.length);
  });

  it('only marks a bare "previously", which names nothing', () => {
    expect(previously('as he had previously said', 0, MAY_16)).toEqual([{ rule: 'previously', start: 10, end: 20, wording: 'previously' }]);
  });
});
