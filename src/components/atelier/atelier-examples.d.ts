export interface ExampleQuery {
  title: string;
  sql: string;
}
/** Example queries per défi id. */
export const EXAMPLES: {id: string; title: string; examples: ExampleQuery[]}[];
/** The examples of one défi (empty when unknown). */
export function examplesFor(id: string): ExampleQuery[];
