import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {parse} from "yaml";

const root = join(import.meta.dirname, "..", "..");

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface Workflow {
  on: {push?: {branches?: string[]}; workflow_dispatch?: unknown};
  permissions: Record<string, string>;
  jobs: Record<string, {needs?: string; environment?: {name: string}; steps: Step[]}>;
}

const workflow = parse(readFileSync(join(root, ".github", "workflows", "publish.yml"), "utf-8")) as Workflow;
const build = workflow.jobs.build!.steps;
const index = (test: (step: Step) => boolean) => build.findIndex(test);
const runs = (command: string) =>
  index((s) => s.run?.trim() === command || s.run?.startsWith(`${command} `) === true);
const uses = (action: string) => index((s) => s.uses?.split("@")[0] === action);

describe(".github/workflows/publish.yml", () => {
  it("runs on each push to the default branch, and by hand", () => {
    expect(workflow.on.push?.branches).toEqual(["main"]);
    expect(workflow.on).toHaveProperty("workflow_dispatch");
  });

  it("has the permissions a Pages deployment needs, and no write access to the code", () => {
    expect(workflow.permissions).toEqual({contents: "read", pages: "write", "id-token": "write"});
  });

  it("runs the README's commands in order: npm ci, npm test, npm run build, then uploads dist/", () => {
    const steps = [uses("actions/checkout"), runs("npm ci"), runs("npm test"), runs("npm run build")];
    steps.push(uses("actions/upload-pages-artifact"));
    expect(
      steps.every((i) => i >= 0),
      JSON.stringify(steps)
    ).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(build[uses("actions/upload-pages-artifact")]!.with?.path).toBe("dist");
  });

  it("uses the Node.js version the kit requires", () => {
    const engines = JSON.parse(readFileSync(join(root, "package.json"), "utf-8")).engines.node as string;
    const node = Number(build[uses("actions/setup-node")]!.with?.["node-version"]);
    expect(node).toBeGreaterThanOrEqual(Number(/\d+/.exec(engines)![0]));
  });

  it("builds for the folder Pages serves the site from, and checks that .nojekyll is there", () => {
    const pages = build[uses("actions/configure-pages")]!;
    const step = build[runs("npm run build")]!;
    expect(step.env?.KIT_BASE_PATH).toBe(`\${{ steps.${pages.id}.outputs.base_path }}`);
    expect(uses("actions/configure-pages")).toBeLessThan(runs("npm run build"));
    expect(runs("test -f dist/.nojekyll")).toBeGreaterThan(runs("npm run build"));
  });

  it("deploys the artifact after the build, to the github-pages environment", () => {
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe("build");
    expect(deploy.environment?.name).toBe("github-pages");
    expect(deploy.steps.some((s) => s.uses?.startsWith("actions/deploy-pages@"))).toBe(true);
  });
});
