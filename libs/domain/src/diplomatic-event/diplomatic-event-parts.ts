import Type, { type Static } from 'typebox';
import { closedObject, countryCode, text } from '../catalogue/schema-parts';

/** Where it happened. */
export const PlaceSchema = closedObject({ name: text(), /** ISO 3166-1 alpha-2. */ country: Type.Optional(countryCode()) });

/** Who took part. */
export const ParticipantSchema = closedObject({
  name: text(),
  role: Type.Optional(text()),
  /** ISO 3166-1 alpha-2. */
  country: Type.Optional(countryCode()),
});

export const QuoteSchema = closedObject({
  text: text(),
  speaker: text(),
  /** The text does not plainly attribute the quote; we inferred the speaker. */
  speakerInferred: Type.Boolean(),
  context: Type.Optional(text()),
});

export type Place = Static<typeof PlaceSchema>;
export type Participant = Static<typeof ParticipantSchema>;
export type Quote = Static<typeof QuoteSchema>;
