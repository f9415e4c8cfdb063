import { describe, expect, it } from '@jest/globals';
import { paragraph } from '../../testing/read';
import { NameBook } from './names';

function names(text: string) {
  const p = paragraph(text);
  return new NameBook([p])
    .namesIn(p, { from: 0, to: p.tokens.length })
    .map(({ kind, name, role, country }) => ({ kind, name, role, country }));
}

describe('names', () => {
  it('separates a person from their title and knows them later by their surname', () => {
    expect(names('Ukraine sent Defense Minister Rustem Umerov. Umerov said little.').filter((n) => n.kind === 'person')).toEqual([
      { kind: 'person', name: 'Rustem Umerov', role: 'Defense Minister', country: undefined },
      { kind: 'person', name: 'Rustem Umerov', role: undefined, country: undefined },
    ]);
  });

  it('reads capitals and demonyms as their country', () => {
    expect(names('Kyiv said Moscow was trying to derail the talks, with no American officials present.').map((n) => n.name)).toEqual([
      'Ukraine',
      'Russia',
      'United States',
    ]);
  });

  it('tells outlets, places and institutions from actors', () => {
    expect(names("Estmark's state news agency ENA reported that the State Department met them in Geneva.")).toEqual([
      { kind: 'actor', name: 'Estmark', role: undefined, country: undefined },
      { kind: 'outlet', name: 'ENA', role: undefined, country: undefined },
      { kind: 'organisation', name: 'State Department', role: undefined, country: undefined },
      { kind: 'place', name: 'Geneva', role: undefined, country: undefined },
    ]);
  });

  it("reads a people's adjective before a group as that group", () => {
    expect(names('Umerov met European security advisers.')[1]).toMatchObject({ kind: 'group', name: 'European security advisers' });
  });
});
