import type { SafeHtml } from '../html';
import type { DateFormats } from './date-formats';

/** A story revision's kind, as the story page's history and the day's updates name it. */
type RevisionKindWords = { readonly created: string; readonly update: string; readonly correction: string };

/**
 * Every word a reader page says, in one language. A language is a value of this type, so a
 * message missing from one is a type error where that language is declared (messages/en.ts). Texts
 * that take values are functions; the templates escape what they return, so a message is plain
 * text unless its type says SafeHtml (markup of our own, never a reader's or editor's text).
 * The facts' own dating words ("on or before 16 May 2025", "reportedly") come from the domain,
 * in English, for now (docs/languages.md).
 */
export interface Messages {
  /** The BCP 47 tag of the language: `<html lang>`, `hreflang`, the `lang` comparison of facts. */
  readonly lang: string;
  /** The language's name in itself, for a link to it ("English", "Українська"). */
  readonly name: string;
  readonly dates: DateFormats;
  readonly layout: {
    readonly skipToContent: string;
    readonly mainNav: string;
    readonly timeline: string;
    readonly api: string;
    /** The header's search box: its form's name, its label and button, its placeholder. */
    readonly searchForm: string;
    readonly search: string;
    readonly searchPlaceholder: string;
    readonly about: SafeHtml;
    readonly data: string;
    readonly apiDescription: string;
    readonly feeds: string;
  };
  readonly timeline: {
    readonly title: string;
    readonly titleDay: (day: string) => string;
    readonly titleRange: (from: string, to: string) => string;
    readonly titleFrom: (from: string) => string;
    readonly titleTo: (to: string) => string;
    readonly description: string;
    readonly lede: string;
    readonly controls: string;
    readonly from: string;
    readonly to: string;
    readonly asOf: string;
    readonly show: string;
    readonly asOfHint: string;
    readonly knownAt: string;
    readonly publishedBy: string;
    readonly showNow: string;
    readonly continuedNotice: string;
    readonly showDayNow: string;
    readonly live: string;
    readonly emptyKnown: string;
    readonly emptyPublished: string;
    readonly empty: string;
    readonly continued: string;
    readonly moreOfDay: string;
    readonly moreDays: string;
    readonly olderDays: string;
    readonly newestDays: string;
    readonly exportJson: string;
  };
  readonly entry: {
    /** "Talks": an event kind (`talks`, `meeting`, …) as a label. */
    readonly kind: (kind: string) => string;
    readonly dateNamed: string;
    readonly namesDate: string;
    readonly namedIn: string;
    readonly speakerInferred: string;
    /** A link to a story whose headline the page did not look up: the fact's one story, or one of several ("Story 2"). */
    readonly readStory: string;
    readonly storyN: (n: number) => string;
    /** Before the links to a fact's stories, named by their headlines. */
    readonly inStory: string;
    readonly inStories: string;
    readonly place: string;
    readonly participants: string;
    readonly sources: string;
    readonly unnamedSource: string;
    readonly reportSays: (wording: string) => string;
    readonly reported: (at: string) => string;
    readonly amended: (version: number, at: string) => string;
    /** "From the story of 16 May 2025, paragraph 4": `story` is storyOfDay or revisionOfStory. */
    readonly provenance: (story: string, paragraph: number) => string;
    readonly storyOfDay: (day: string) => string;
    readonly revisionOfStory: (revision: number) => string;
  };
  readonly updates: {
    readonly heading: string;
    readonly kinds: RevisionKindWords;
    readonly revision: (n: number) => string;
    readonly latestOf: (count: number) => string;
  };
  readonly story: {
    readonly description: (revision: number) => string;
    readonly developing: string;
    readonly by: (byline: string) => string;
    readonly published: string;
    readonly updated: string;
    readonly revision: (n: number) => string;
    readonly facts: string;
    readonly factsHint: string;
    readonly dateNamed: string;
    readonly namedIn: (label: string, title: string) => string;
    readonly history: string;
    readonly columns: {
      readonly revision: string;
      readonly published: string;
      readonly kind: string;
      readonly editor: string;
      readonly changeNote: string;
      readonly compare: string;
    };
    readonly kinds: RevisionKindWords;
    readonly spacingOnly: string;
    readonly changesFrom: (revision: number) => string;
    readonly compareHeading: string;
    readonly oneRevision: string;
    readonly compareControls: string;
    readonly fromRevision: string;
    readonly toRevision: string;
    readonly compare: string;
    readonly diffSummary: (from: number, to: number) => string;
    readonly diffHint: string;
    readonly headline: string;
    readonly body: string;
    readonly added: string;
    readonly removed: string;
  };
  /** A story's timeline page (`/stories/:id/timeline`); its embed shares its days. */
  readonly storyTimeline: {
    readonly title: (headline: string) => string;
    readonly description: (facts: number, revisions: number) => string;
    readonly lede: string;
    readonly continuedNotice: string;
    readonly backToStart: string;
    readonly empty: string;
    readonly pages: string;
    readonly later: string;
    readonly storyAndHistory: string;
    readonly storyThisDay: string;
    readonly published: string;
  };
  /** The embed (`/embed/stories/:id`), framed in another site's article. */
  readonly embed: {
    readonly brand: string;
    readonly newTab: string;
    readonly more: string;
    readonly whole: string;
  };
  readonly error: {
    readonly titles: { readonly 400: string; readonly 404: string; readonly 503: string; readonly other: string };
    readonly status: (status: number) => string;
    readonly back: string;
  };
  /** Said by the page's script (reader-script.ts) as live updates arrive; the page hands them over in a data attribute. */
  readonly live: {
    readonly added: string;
    readonly updated: string;
    readonly retracted: string;
    readonly interrupted: string;
    readonly updates: string;
  };
}
