/** The completion schema of @codemirror/lang-sql from table descriptions. */
export function completionSchema(
  tables: {name: string; title?: string; columns: {name: string; type?: string; description?: string}[]}[]
): Record<string, unknown>;
/** The SQL editor, an Observable input whose value is the query last run (Ctrl/Cmd+Enter or `run()`). */
export function sqlEditor(options: {value: string; schema: Record<string, unknown>}): HTMLElement & {
  value: string;
  run(): void;
  insert(text: string): void;
  setQuery(sql: string, run?: boolean): void;
};
