/**
 * Countries by the words news writing uses for them: the name, the demonym, the capital as
 * metonym ("Kyiv said", "Moscow has cast"). Our own short list, for the stories Dateline
 * carries; a country not here is still found as a name, only without its code.
 */
export interface Country {
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly code: string;
}

const COUNTRIES: readonly (Country & { readonly words: readonly string[] })[] = [
  { name: 'Ukraine', code: 'UA', words: ['ukraine', 'ukrainian', 'ukrainians', 'kyiv', 'kiev'] },
  { name: 'Russia', code: 'RU', words: ['russia', 'russian', 'russians', 'moscow', 'kremlin'] },
  { name: 'United States', code: 'US', words: ['united states', 'u.s.', 'us', 'usa', 'america', 'american', 'americans', 'washington'] },
  { name: 'Turkey', code: 'TR', words: ['turkey', 'türkiye', 'turkish', 'ankara'] },
  { name: 'Switzerland', code: 'CH', words: ['switzerland', 'swiss', 'bern'] },
  { name: 'United Kingdom', code: 'GB', words: ['united kingdom', 'uk', 'u.k.', 'britain', 'british', 'london'] },
  { name: 'France', code: 'FR', words: ['france', 'french', 'paris'] },
  { name: 'Germany', code: 'DE', words: ['germany', 'german', 'berlin'] },
  { name: 'China', code: 'CN', words: ['china', 'chinese', 'beijing'] },
  { name: 'Saudi Arabia', code: 'SA', words: ['saudi arabia', 'saudi', 'riyadh'] },
  { name: 'Qatar', code: 'QA', words: ['qatar', 'qatari', 'doha'] },
  { name: 'Israel', code: 'IL', words: ['israel', 'israeli'] },
  { name: 'Iran', code: 'IR', words: ['iran', 'iranian', 'tehran'] },
  { name: 'Poland', code: 'PL', words: ['poland', 'polish', 'warsaw'] },
  { name: 'Belarus', code: 'BY', words: ['belarus', 'belarusian', 'minsk'] },
];

const BY_WORD = new Map<string, Country>(COUNTRIES.flatMap((c) => c.words.map((w) => [w, { name: c.name, code: c.code }] as const)));

/** The country a word or phrase names, if it is one of ours: "Kyiv" → Ukraine, "U.S." → United States. */
export function countryOf(words: string): Country | undefined {
  return BY_WORD.get(words.toLowerCase().replace(/'s$/, ''));
}

/** News organisations often named without a word saying so. */
export const KNOWN_OUTLETS: readonly string[] = [
  'Sky News',
  'TASS',
  'Interfax',
  'Reuters',
  'Associated Press',
  'AP',
  'AFP',
  'BBC',
  'CNN',
  'Al Jazeera',
  'RIA Novosti',
  'Ukrinform',
  'Bloomberg',
  'The Kyiv Independent',
];

/** Words that make the name beside them a news organisation: "state news agency ENA", "Russia's Interfax agency". */
export const OUTLET_WORDS = new Set(['agency', 'outlet', 'broadcaster', 'newspaper', 'channel', 'network', 'daily', 'wire', 'tabloid']);

/** Words of office before a name: they are a role, not part of the name. */
export const TITLE_WORDS = new Set([
  'minister',
  'foreign',
  'defense',
  'defence',
  'deputy',
  'prime',
  'president',
  'secretary',
  'state',
  'special',
  'envoy',
  'ambassador',
  'chancellor',
  'senator',
  'general',
  'chief',
  'head',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'adviser',
  'advisor',
  'aide',
  'mr',
  'ms',
  'mrs',
  'dr',
  'king',
  'queen',
  'prince',
  'un',
  'of',
]);

/** Last words that make a name an institution or a place, not a person: "State Department", "Middle East", "Sarn valley". */
export const NOT_PERSON_ENDINGS = new Set([
  'department',
  'office',
  'ministry',
  'nations',
  'union',
  'force',
  'news',
  'east',
  'west',
  'valley',
  'river',
  'region',
  'sea',
  'council',
  'parliament',
  'government',
  'mission',
  'organization',
  'organisation',
]);

/** Common nouns that follow a place's name ("the Sarn valley"). */
export const PLACE_NOUNS = new Set([
  'valley',
  'river',
  'region',
  'province',
  'border',
  'city',
  'sea',
  'mountains',
  'district',
  'coast',
  'peninsula',
]);

/** Cities news writing names as venues, never as a country's stand-in: a name here is a place wherever it stands. */
export const KNOWN_PLACES = new Set([
  'istanbul',
  'geneva',
  'vienna',
  'dubai',
  'jeddah',
  'oslo',
  'helsinki',
  'stockholm',
  'brussels',
  'rome',
  'munich',
  'davos',
  'sochi',
  'antalya',
  'abu dhabi',
  'new york',
]);
