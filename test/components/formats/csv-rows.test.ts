import {csvParse, csvParseRows} from "d3-dsv";
import {describe, expect, it} from "vitest";
import {csvObjects} from "../../../src/components/formats/csv-rows.js";

describe("CSV rows as objects without eval", () => {
  const text = 'code,nom,population\n01,Guadeloupe,384239\n11,"Île-de-France, la région",12271794\n';
  it("gives what csvParse gives, codes kept as text", () => {
    const rows = csvObjects(csvParseRows(text));
    expect(rows).toEqual([...csvParse(text)]);
    expect(rows[0]).toEqual({code: "01", nom: "Guadeloupe", population: "384239"});
  });
  it("leaves missing fields of a short row empty, and gives nothing for a header alone or an empty text", () => {
    expect(csvObjects(csvParseRows("a,b\n1\n"))).toEqual([{a: "1", b: ""}]);
    expect(csvObjects(csvParseRows("a,b\n"))).toEqual([]);
    expect(csvObjects(csvParseRows(""))).toEqual([]);
  });
  it("never runs a header as code (csvParse compiles its row objects with new Function)", () => {
    const hostile = csvParseRows('"a""]);globalThis.__ran=1;//",b\n1,2\n');
    expect(csvObjects(hostile)).toEqual([{'a"]);globalThis.__ran=1;//': "1", b: "2"}]);
    expect((globalThis as {__ran?: number}).__ran).toBeUndefined();
  });
});
