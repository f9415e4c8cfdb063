import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * Text with something in it besides whitespace: the domain refuses blank headlines and bodies
 * ("headline must not be empty"), and saying so here too puts that problem in the same 400 as
 * the body's other problems instead of in a second answer after they are fixed.
 */
export const IsNotBlank = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (v: unknown) => typeof v !== 'string' || v.trim().length > 0,
        defaultMessage: () => '$property must not be empty',
      },
    },
    options,
  );
