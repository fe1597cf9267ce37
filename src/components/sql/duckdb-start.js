/**
 * Starts DuckDB-Wasm as soon as this module is fetched. A page that queries at once includes it first:
 * `<script type="module" async src="./components/duckdb-start.js"></script>` (an async module runs as soon as
 * it is loaded, without waiting for the rest of the page); its first `openDuckDB()` then takes that database.
 */
import {startDuckDB} from "./duckdb-open.js";

startDuckDB();
