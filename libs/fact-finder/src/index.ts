export * from './candidate';
export { findCandidates } from './find-candidates';
export { candidateId } from './candidate-id';
export { paragraphsOf } from './text/paragraphs';
