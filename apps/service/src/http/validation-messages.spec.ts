import { describe, expect, it } from '@jest/globals';
import { ValidationError } from 'class-validator';
import { validationMessages } from './validation-messages';

const error = (target: object, property: string, constraints: Record<string, string>, children: ValidationError[] = []): ValidationError =>
  Object.assign(new ValidationError(), { target, property, value: (target as Record<string, unknown>)[property], constraints, children });

describe('validationMessages', () => {
  it('a missing required field is "<field> is required", not every rule it breaks', () => {
    const messages = validationMessages([
      error({}, 'headline', {
        isString: 'headline must be a string',
        isNotBlank: 'headline must not be empty',
        maxLength: 'headline must be shorter than or equal to 300 characters',
      }),
    ]);
    expect(messages).toEqual(['headline is required']);
  });

  it('a present field of the wrong type gets its type problem only; one of the right type its real problems', () => {
    const body = { headline: 5, body: ' ' };
    expect(
      validationMessages([
        error(body, 'headline', {
          isString: 'headline must be a string',
          maxLength: 'headline must be shorter than or equal to 300 characters',
        }),
        error(body, 'body', { isNotBlank: 'body must not be empty' }),
      ]),
    ).toEqual(['headline must be a string', 'body must not be empty']);
  });

  it('reports unknown fields together with every other problem, nested ones by their path', () => {
    const body = { extra: true, sources: [{ name: 'X' }] };
    const source = body.sources[0];
    const messages = validationMessages([
      error(body, 'extra', { whitelistValidation: 'property extra should not exist' }),
      error({}, 'slug', { isString: 'slug must be a string' }),
      Object.assign(new ValidationError(), {
        target: body,
        property: 'sources',
        value: body.sources,
        children: [
          Object.assign(new ValidationError(), {
            target: body.sources,
            property: '0',
            value: source,
            children: [error(source, 'hedged', { isBoolean: 'hedged must be a boolean' })],
          }),
        ],
      }),
    ]);
    expect(messages).toEqual(['extra is not a field of this request (remove it)', 'slug is required', 'sources.0.hedged is required']);
  });

  it('a field sent as null is present: it gets its real problems', () => {
    expect(validationMessages([error({ headline: null }, 'headline', { isString: 'headline must be a string' })])).toEqual([
      'headline must be a string',
    ]);
  });
});
