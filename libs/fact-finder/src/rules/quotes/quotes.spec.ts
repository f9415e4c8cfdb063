import { describe, expect, it } from '@jest/globals';
import { candidates } from '../../testing/read';

const quotes = (text: string) => candidates(text).flatMap((c) => c.proposed.quotes);

describe('quotes and their speakers', () => {
  it('takes the speaker the sentence names, not inferred', () => {
    expect(quotes('"Nobody here wants another winter of war," Okafor said on Thursday evening.')).toEqual([
      { text: 'Nobody here wants another winter of war,', speaker: 'Okafor', speakerInferred: false },
    ]);
  });

  it('marks the speaker inferred when the quotation\'s paragraph names no one ("He added: …" after the paragraph that does)', () => {
    const text = 'Umerov, a minister, said: "We are ready for a ceasefire."\n\nHe added: "Peace is possible."';
    expect(quotes(text)).toEqual([
      { text: 'We are ready for a ceasefire.', speaker: 'Umerov', speakerInferred: false },
      { text: 'Peace is possible.', speaker: 'Umerov', speakerInferred: true },
    ]);
  });

  it('gives a quotation standing alone to the last speaker, inferred', () => {
    const text = '"This is a first step," Ines Varro told reporters.\n\n"We expect the families to be reunited."';
    expect(quotes(text).map((q) => [q.speaker, q.speakerInferred])).toEqual([
      ['Ines Varro', false],
      ['Ines Varro', true],
    ]);
  });

  it('resolves a capital to its country', () => {
    expect(quotes('Moscow insists that the war\'s "root causes" be dealt with.')).toEqual([
      { text: 'root causes', speaker: 'Russia', speakerInferred: false },
    ]);
  });
});
