import {describe, expect, it} from "vitest";
import {parse} from "parse5";
import {
  frenchSpacing,
  frenchSpacingRuns,
  NBSP,
  NNBSP,
  spacingProblems,
  textSegments,
  type TextTreeNode
} from "../../../src/components/formats/typography.js";

describe("frenchSpacing(text)", () => {
  it("puts a narrow no-break space before ; ? ! and %, a no-break space before :", () => {
    expect(frenchSpacing("Pourquoi ? Parce que ; voilà ! 12 % : fin")).toBe(
      `Pourquoi${NNBSP}? Parce que${NNBSP}; voilà${NNBSP}! 12${NNBSP}%${NBSP}: fin`
    );
  });

  it("puts no-break spaces inside guillemets, adding them where there were none", () => {
    expect(frenchSpacing("les valeurs « indicateur » et «lieux»")).toBe(
      `les valeurs «${NBSP}indicateur${NBSP}» et «${NBSP}lieux${NBSP}»`
    );
  });

  it("joins the digit groups of a number with narrow no-break spaces, not years or codes", () => {
    expect(frenchSpacing("35 000 communes, 1 234 567 habitants")).toBe(
      `35${NNBSP}000 communes, 1${NNBSP}234${NNBSP}567 habitants`
    );
    expect(frenchSpacing("en 2019 les 75056 et 01 23 45")).toBe("en 2019 les 75056 et 01 23 45");
  });

  it("adds no space where there was none (times, addresses, identifiers)", () => {
    const text = "à 14:30, ./atelier?sql=SELECT, x!=y, R&amp;D, l&#39;IFN";
    expect(frenchSpacing(text)).toBe(text);
  });

  it("replaces a run of spaces or a line break, and leaves a right text unchanged", () => {
    expect(frenchSpacing("Question  \n?")).toBe(`Question${NNBSP}?`);
    const right = frenchSpacing("« Oui » : 2 000 ? Non !");
    expect(frenchSpacing(right)).toBe(right);
    expect(spacingProblems(right)).toEqual([]);
  });
});

describe("frenchSpacingRuns(runs)", () => {
  it("fixes a space and its mark that lie in two runs, keeping the number of runs", () => {
    expect(frenchSpacingRuns(["Voir le ", "catalogue ", ": ici"])).toEqual([
      "Voir le ",
      "catalogue",
      `${NBSP}: ici`
    ]);
    expect(frenchSpacingRuns(["« ", "mot", " »"])).toEqual([`«${NBSP}`, "mot", `${NBSP}»`]);
  });

  it("returns the same array when nothing changes", () => {
    const runs = ["Rien", " à changer."];
    expect(frenchSpacingRuns(runs)).toBe(runs);
  });
});

describe("spacingProblems(text)", () => {
  it("names each plain space before a mark, after «, and inside a number", () => {
    expect(spacingProblems("Note : oui ; « non » et 35 000")).toHaveLength(5);
    expect(spacingProblems(`Note${NBSP}: oui${NNBSP}; «${NBSP}non${NBSP}» et 35${NNBSP}000`)).toEqual([]);
  });
});

describe("textSegments(root, skip)", () => {
  it("cuts the text at code, so that a space before <code> is not read with the colon after it", () => {
    const document = parse(
      "<p>Lancez <code>npm test</code> : <b>tout</b> passe</p>"
    ) as unknown as TextTreeNode;
    const segments = textSegments(document, (node) => node.nodeName === "code").map((nodes) =>
      nodes.map((node) => (node as unknown as {value: string}).value)
    );
    expect(segments).toEqual([["Lancez "], [" : ", "tout", " passe"]]);
  });
});
