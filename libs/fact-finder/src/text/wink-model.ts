import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/**
 * Name patterns for wink-nlp's custom entities: runs of proper nouns (people, countries,
 * agencies). The lite English model recognises dates and numbers but no people or places, so
 * names are learnt here, by part of speech; what a name is (a country, a person, an outlet) is
 * decided by the participant and attribution rules.
 */
const NAME_PATTERNS = [
  { name: 'name', patterns: ['[PROPN] [PROPN] [PROPN] [PROPN]', '[PROPN] [PROPN] [PROPN]', '[PROPN] [PROPN]', '[PROPN]'] },
];

let loaded: WinkMethods | undefined;

/** The wink-nlp pipeline with its English model, loaded once per process (about 100 ms) and shared. */
export function winkNlp(): WinkMethods {
  if (!loaded) {
    const nlp = winkNLP(model);
    nlp.learnCustomEntities(NAME_PATTERNS, { matchValue: false, usePOS: true, useEntity: false });
    loaded = nlp;
  }
  return loaded;
}
