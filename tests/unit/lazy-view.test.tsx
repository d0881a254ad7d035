/**
 * Views loaded on demand (components/collection/lazy-view.ts), rendered by Preact into linkedom's
 * document: a view whose module the page provides (the collection page's table, imported with the
 * page's first modules) is in the very first render, and its loader is never called; one that was
 * not comes with a later render, once its module has loaded; a failed load is tried again.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { parseHTML } from "linkedom";
import type { ComponentType } from "preact";
import { render } from "preact";
import {
  provideView,
  useLazyView,
  type ViewLoader,
} from "../../components/collection/lazy-view.ts";

const globals = globalThis as unknown as { document?: Document };
let saved: Document | undefined;
before(() => {
  saved = globals.document;
  globals.document = parseHTML("<!doctype html><html><body></body></html>").document;
});
after(() => {
  globals.document = saved;
});

function Table() {
  return <table data-view="table" />;
}

/** A loader of the table view that counts its calls, failing the first `failures` times. */
function loader(failures = 0): ViewLoader<object> & { calls: number } {
  const load = Object.assign(
    () => {
      load.calls++;
      return load.calls <= failures
        ? Promise.reject(new Error("chunk not found"))
        : Promise.resolve(Table as ComponentType<object>);
    },
    { calls: 0 },
  );
  return load;
}

function Page(props: { load: ViewLoader<object> }) {
  const View = useLazyView(props.load);
  return <main>{View ? <View /> : <p data-loading />}</main>;
}

/** Renders the page into a new root; `shown()` says what the root shows now. */
function mount(load: ViewLoader<object>) {
  const root = document.createElement("div");
  document.body.append(root);
  render(<Page load={load} />, root);
  return () => (root.querySelector("[data-view=table]") ? "table" : "loading");
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("a view loaded on demand", () => {
  test("provided by the page, it is in the first render", () => {
    const load = loader();
    provideView(load, Table as ComponentType<object>);
    const shown = mount(load);
    assert.equal(shown(), "table");
    assert.equal(load.calls, 0, "not loaded at all");
  });

  test("not provided, it comes with a later render", async () => {
    const load = loader();
    const shown = mount(load);
    assert.equal(shown(), "loading");
    await settle();
    assert.equal(shown(), "table");
  });

  test("a failed load is tried again when the view is shown again", async () => {
    const load = loader(1);
    const first = mount(load);
    await settle();
    assert.equal(first(), "loading", "the failed load shows nothing");
    const shown = mount(load);
    assert.equal(shown(), "loading");
    await settle();
    assert.equal(shown(), "table");
    assert.equal(load.calls, 2);
  });
});
