/**
 * How well we know when something happened. Partial knowledge is first-class: a report may
 * give a day, or only a span ("this week"), and the date may be stated or inferred by us.
 */
export const DATE_PRECISIONS = ['day', 'span'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const DATE_CERTAINTIES = ['explicit', 'inferred'] as const;
export type DateCertainty = (typeof DATE_CERTAINTIES)[number];
