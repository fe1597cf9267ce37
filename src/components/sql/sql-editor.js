/**
 * The workshop's SQL editor: CodeMirror 6 with SQL highlighting, completion of the catalogue's table and column
 * names (with their French descriptions), and Ctrl/Cmd+Enter to run. It behaves as an Observable input: its
 * `value` is the query last run, and it dispatches `input` each time a query is run.
 */
import {EditorView, basicSetup} from "npm:codemirror";
import {keymap} from "npm:@codemirror/view";
import {Prec} from "npm:@codemirror/state";
import {PostgreSQL, sql} from "npm:@codemirror/lang-sql";

/**
 * The completion schema of lang-sql from table descriptions.
 * @param {{name: string, title?: string, columns: {name: string, type?: string, description?: string}[]}[]} tables
 */
export function completionSchema(tables) {
  return Object.fromEntries(
    tables.map((t) => [
      t.name,
      {
        self: {label: t.name, type: "type", detail: t.title ?? "table"},
        children: t.columns.map((c) => ({
          label: c.name,
          type: "property",
          detail: c.type,
          info: c.description
        }))
      }
    ])
  );
}

/**
 * Creates the editor.
 * @param {object} options
 * @param {string} options.value the initial query
 * @param {ReturnType<typeof completionSchema>} options.schema tables and columns for completion
 * @returns {HTMLElement & {value: string, view: EditorView, run: () => void, insert: (text: string) => void, setQuery: (sql: string, run?: boolean) => void}}
 */
export function sqlEditor({value, schema}) {
  const root =
    /** @type {HTMLDivElement & {value: string, view: EditorView, run: () => void, insert: (text: string) => void, setQuery: (sql: string, run?: boolean) => void}} */ (
      document.createElement("div")
    );
  root.className = "kit-sql-editor";
  const run = () => {
    root.value = view.state.doc.toString();
    root.dispatchEvent(new Event("input", {bubbles: true}));
  };
  const view = new EditorView({
    doc: value,
    parent: root,
    extensions: [
      basicSetup,
      sql({dialect: PostgreSQL, schema, upperCaseKeywords: true}),
      Prec.highest(
        keymap.of([
          {key: "Mod-Enter", run: () => (run(), true)},
          {key: "Shift-Enter", run: () => (run(), true)}
        ])
      ),
      EditorView.contentAttributes.of({"aria-label": "Requête SQL (Ctrl+Entrée pour exécuter)"}),
      EditorView.theme({"&": {fontSize: "14px"}, ".cm-content": {minHeight: "7em"}})
    ]
  });
  root.value = value;
  root.view = view;
  root.run = run;
  /** Inserts text at the cursor (replacing the selection) and gives the editor the focus. */
  root.insert = (text) => {
    view.dispatch(view.state.replaceSelection(text));
    view.focus();
  };
  /** Replaces the whole query; runs it when `andRun`. */
  root.setQuery = (text, andRun = false) => {
    view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: text}});
    if (andRun) run();
  };
  return root;
}
