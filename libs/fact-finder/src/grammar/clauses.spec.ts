import { describe, expect, it } from '@jest/globals';
import { paragraph } from '../testing/read';
import { clausesOf } from './clauses';
import { wordsBetween } from './token';

function clauses(text: string) {
  const p = paragraph(text);
  return clausesOf(p.tokens, p.sentences[0]).map((c) => ({
    link: c.link,
    subject: c.subject ? wordsBetween(p.tokens, c.subject.from, c.subject.to) : undefined,
    verb: c.verb !== undefined ? p.tokens[c.verb].text : undefined,
    modal: c.modal,
  }));
}

describe('clauses', () => {
  it('gives coordinated verbs their own clause and the subject they share', () => {
    expect(
      clauses('Zelensky accepted and asked Putin to meet him in person; Putin said he would not come and put his aide in charge.'),
    ).toEqual([
      { link: 'main', subject: 'Zelensky', verb: 'accepted', modal: false },
      { link: 'and', subject: 'Zelensky', verb: 'asked', modal: false },
      { link: 'semicolon', subject: 'Putin', verb: 'said', modal: false },
      { link: 'and', subject: 'Putin', verb: 'put', modal: false },
    ]);
  });

  it('keeps a bare verb after "would … and" under the modal, in the same clause', () => {
    expect(clauses('A source said Turkish officials would open it with words of welcome and then withdraw from the room.')).toHaveLength(1);
  });

  it('splits "although" and ", a charge X rejects" into clauses of their own', () => {
    expect(
      clauses('American and Russian delegates also met separately, although Rubio said he would not sit down with them.').map(
        (c) => c.subject,
      ),
    ).toEqual(['American and Russian delegates', 'Rubio']);
    expect(clauses('Quessa accuses Lorvan of holding more prisoners, a charge Lorvan rejects.')[1]).toMatchObject({
      link: 'rebuttal',
      verb: 'rejects',
    });
  });

  it('reads a relative clause about the name before it', () => {
    expect(clauses('Umerov, who earlier in the day met European security advisers, said he was ready.')).toEqual([
      { link: 'main', subject: 'Umerov', verb: 'said', modal: false },
      { link: 'who', subject: 'Umerov', verb: 'met', modal: false },
    ]);
  });

  it('marks a subordinate clause under a modal, whose event has not happened', () => {
    const [main, before] = clauses('He later lowered expectations, saying little would move before he and Putin met.');
    expect(main.verb).toBe('lowered');
    expect(before).toMatchObject({ link: 'before', subject: 'he and Putin', verb: 'met', modal: true });
    expect(clauses('He told reporters on Air Force One before it landed in Dubai.')[1]).toMatchObject({ link: 'before', modal: false });
  });

  it('leaves an aside and an opening adverbial out of the subject', () => {
    expect(clauses('Michael Anton, a senior State Department official, reportedly held a meeting with Medinsky.')[0].subject).toBe(
      'Michael Anton',
    );
    expect(clauses('Earlier on Monday, both delegations met the envoy.')[0]).toMatchObject({ subject: 'both delegations', verb: 'met' });
  });
});
