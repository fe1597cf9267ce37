/**
 * French typography for prose: U+202F before « ; ? ! % » and between digit groups, U+00A0 before « : » and
 * inside « ». Pure and idempotent; never apply it to code.
 */
export function frenchSpacing(text: string): string;
