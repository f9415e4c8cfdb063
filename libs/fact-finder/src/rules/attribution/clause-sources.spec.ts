import { describe, expect, it } from '@jest/globals';
import { readings } from '../../testing/read';

const sources = (text: string, which = 0) =>
  readings(text)[which].sources.map(({ attribution, name }) => (name ? `${attribution}:${name}` : attribution));

describe("a clause's own attribution", () => {
  it('a person speaking on the record is a named source', () => {
    expect(sources('Rubio said he would not sit down with the envoys himself.')).toEqual(['named-source:Rubio']);
  });

  it('"citing a source" is an unnamed source the outlet relays, "the agency" the outlet named before', () => {
    expect(
      sources(
        "Estmark's state news agency ENA reported that Kuusk had approved the mandate. The agency, citing a source in her office, said Kuusk had overruled Dressler.",
        1,
      ),
    ).toEqual(['unnamed-source:ENA']);
    expect(sources("A source quoted by Russia's Interfax agency said Turkish officials would open it.")).toEqual([
      'unnamed-source:Interfax',
    ]);
  });

  it('"reportedly" names no one', () => {
    expect(sources('Michael Anton reportedly held a meeting with Medinsky.')).toEqual(['reportedly']);
  });

  it('"claims", "insists" and "By X\'s account" are a party\'s claim', () => {
    expect(sources('Valdora claims that Estmark shelled two villages on 9 March.')).toEqual(['party-claim:Valdora']);
    expect(sources('Moscow insists that the war\'s "root causes" be dealt with.')).toEqual(['party-claim:Russia']);
  });

  it("a fact the story states on its own is the newsroom's own reporting", () => {
    expect(sources('Russia has turned the proposal down.')).toEqual(['own-reporting']);
  });

  it('an accusation rests on the accuser', () => {
    expect(sources('Quessa accuses Lorvan of holding more prisoners than it admits.')).toEqual(['named-source:Quessa']);
  });
});
