/**
 * Files in a dataset's source format for the fetch tests: its offline rows under the source's column names
 * (generated, no real row).
 */
import {dsvFormat} from "d3-dsv";
import type {DatasetDeclaration} from "../../loaders/core/dataset.ts";
import {rowAt} from "../../loaders/core/table.ts";

/** A small file of `declaration` in its source format: its offline rows under the source's column names. */
export function sourceFile(declaration: DatasetDeclaration, rows = 30, offset = 0): string {
  if (declaration.id === "ent-audience") {
    return (
      "debutsemaine;uai;academie;secteur;visites_ordinateur;visites_smartphone;visites_tablette;visites_autreappareil;utilisateurs_ordinateur\n" +
      "2023-09-04;0350001A;Rennes;PU;10;20;3;1;5\n2024-01-08;0350001A;Rennes;PU;1;2;3;4;5\n"
    );
  }
  if (declaration.id === "contours") {
    const square = [
      [
        [5.2, 46.2],
        [5.3, 46.2],
        [5.3, 46.3],
        [5.2, 46.3],
        [5.2, 46.2]
      ]
    ];
    return JSON.stringify({
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: {code: "01001", nom: "L'Abergement-Clémenciat"},
          geometry: {type: "Polygon", coordinates: square}
        }
      ]
    });
  }
  const table = declaration.offline.build({});
  const header = new Map(declaration.columns.map((c) => [c.name, c.aliases?.[0] ?? c.name]));
  const records = Array.from({length: Math.min(rows, table.rowCount - offset)}, (_, i) =>
    Object.fromEntries(
      Object.entries(rowAt(table, i + offset)).map(([k, v]) => [header.get(k) ?? k, v ?? ""])
    )
  );
  if (declaration.source.portal === "data.gouv.fr" && declaration.source.resource.format === "json")
    return JSON.stringify(records);
  const delimiter =
    declaration.csv?.delimiter && declaration.csv.delimiter !== "auto" ? declaration.csv.delimiter : ",";
  return dsvFormat(delimiter).format(records as Record<string, string>[]);
}
