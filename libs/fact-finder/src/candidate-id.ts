import { createHash } from 'node:crypto';
import { normaliseSentence } from './text/normalise';

/**
 * A candidate's id: a hash of the story, its evidence sentence and, within the sentence, the
 * words it rests on (a sentence may carry several facts), all normalised (normalise.ts). The
 * same sentence gives the same id in every run and every rebuild; a changed sentence a new one.
 */
export function candidateId(storyId: string, sentence: string, evidence: string): string {
  const hash = createHash('sha256')
    .update(`${storyId}\n${normaliseSentence(sentence)}\n${normaliseSentence(evidence)}`)
    .digest('hex');
  return `fc-${hash.slice(0, 24)}`;
}
