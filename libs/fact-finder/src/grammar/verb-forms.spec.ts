import { describe, expect, it } from '@jest/globals';
import { formIndex, formsOf } from './verb-forms';

describe('verb forms', () => {
  it('inflects regular verbs the way news sentences spell them', () => {
    expect(formsOf('claim')).toEqual(['claim', 'claims', 'claimed', 'claiming']);
    expect(formsOf('propose')).toEqual(['propose', 'proposes', 'proposed', 'proposing']);
    expect(formsOf('deny')).toEqual(['deny', 'denies', 'denied', 'denying']);
    expect(formsOf('plan')).toEqual(['plan', 'plans', 'planned', 'planning']);
    expect(formsOf('visit')).toEqual(['visit', 'visits', 'visited', 'visiting']);
  });

  it('adds the irregular forms', () => {
    expect(formsOf('meet')).toContain('met');
    expect(formIndex(['say', 'tell']).get('told')).toBe('tell');
  });
});
