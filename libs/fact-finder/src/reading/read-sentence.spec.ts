import { describe, expect, it } from '@jest/globals';
import { wordsBetween } from '../grammar/token';
import { readings } from '../testing/read';

function read(text: string) {
  return readings(text).map((r) => ({
    role: r.role,
    kind: r.kind,
    status: r.status,
    evidence: wordsBetween(r.paragraph.tokens, r.evidence.from, r.evidence.to),
    speaker: r.speaker?.name,
  }));
}

describe('reading a sentence as facts', () => {
  it('reads a stated refusal as a statement that happened, not an attendance ("would not come")', () => {
    expect(read('Putin said he would not come.')).toEqual([
      { role: 'statement', kind: 'statement', status: 'happened', evidence: 'Putin said he would not come', speaker: 'Putin' },
    ]);
  });

  it('reads what a source says others will do as the expected event itself', () => {
    expect(
      read("A source quoted by Russia's Interfax agency said Turkish officials would open it with words of welcome.")[0],
    ).toMatchObject({
      role: 'event',
      status: 'expected',
      speaker: 'Interfax',
    });
  });

  it('reads "expected to", "plans to", "might" and "is due to" as expected events', () => {
    expect(read('The delegations are expected to meet again next week.')[0]).toMatchObject({
      role: 'event',
      kind: 'meeting',
      status: 'expected',
    });
    expect(read('Okafor plans to present a draft ceasefire text.')[0]).toMatchObject({ kind: 'proposal', status: 'expected' });
    expect(read('Estmark might send a larger team.')[0]).toMatchObject({ status: 'expected' });
    expect(read('The exchange is due to take place on Friday.')[0]).toMatchObject({ status: 'expected' });
  });

  it('reads an accusation, and the act it names "by asking …", as two facts', () => {
    expect(read('Kyiv said Moscow was trying to derail the talks by asking to see the Ukrainian side alone.')).toEqual([
      {
        role: 'statement',
        kind: 'accusation',
        status: 'happened',
        evidence: 'Kyiv said Moscow was trying to derail the talks',
        speaker: 'Ukraine',
      },
      { role: 'event', kind: 'proposal', status: 'happened', evidence: 'asking to see the Ukrainian side alone', speaker: undefined },
    ]);
  });

  it('reads what an outlet reports as the fact', () => {
    expect(read("ENA reported that Prime Minister Anna Kuusk had approved the delegation's mandate on Tuesday.")[0]).toMatchObject({
      role: 'event',
      speaker: 'ENA',
    });
  });

  it('reads "He added: …" as more of the statement before, and one person\'s words joined by "and" as one statement', () => {
    expect(
      read('Yermak wrote on social media: "The Russians want 2022." He added: "All Russian attempts will not work."').map((r) => r.role),
    ).toEqual(['statement', 'continuation']);
    expect(read('Trump had at first sounded hopeful about the talks and hinted that he could travel to them on 16 May.')).toHaveLength(1);
  });

  it('reads no fact where the main event is only named again, and none in a condition', () => {
    expect(read('The meeting came about after Moscow suggested holding talks in Turkey.').map((r) => r.evidence)).toEqual([
      'Moscow suggested holding talks in Turkey',
    ]);
    expect(read('Reyne said Valdora would not attend if the shelling continued.')).toHaveLength(1);
  });

  it('reads an event subordinate to another ("before it landed in Dubai") as a fact ordered against it', () => {
    const [told, landed] = readings('He told reporters before it landed in Dubai.');
    expect(told.role).toBe('statement');
    expect(landed.orderedAgainst).toEqual({ reading: 0, relation: 'after' });
  });
});
