// The query page's editor: YASQE (kg.server.editor fetched it at build time) in place of the
// form's textarea. The form stays the way a query runs: the editor copies its text into the
// textarea, and the form asks /query, which answers with the results table, map and chart
// drawn on the server. Without YASQE (the bundle missing or refused) nothing here runs and
// the page is the plain form. The editor requests nothing itself: no other endpoint, no
// prefix service, no vocabulary service; it completes from the vocabulary the page carries
// (its datalists).
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const textarea = document.getElementById("query");
  const listed = (name) => {
    const list = document.getElementById(`vocabulary-${name}`);
    return list ? Array.from(list.options) : null;
  };
  const [prefixOptions, properties, classes] = ["prefixes", "properties", "classes"].map(listed);
  if (!textarea || !prefixOptions || typeof window.Yasqe !== "function") {
    return;
  }
  const Yasqe = window.Yasqe;
  const vocabulary = {
    prefixes: Object.fromEntries(prefixOptions.map((option) => [option.label, option.value])),
    properties: properties.map((option) => option.value),
    classes: classes.map((option) => option.value),
  };

  // kg's endpoint takes its prefixes undeclared (kg:, schema:, geo:, id:, ...): the editor
  // knows them from the first line on, so that it neither marks them as errors nor needs a
  // PREFIX line to complete kg:sig into kg:signatory.
  const sparql = Yasqe.modes.sparql11;
  Yasqe.defineMode("sparql11", (config, modeConfig) => {
    const mode = sparql(config, modeConfig);
    const startState = mode.startState;
    mode.startState = () => {
      const state = startState();
      state.prefixes = Object.assign({}, vocabulary.prefixes);
      return state;
    };
    return mode;
  });

  // YASQE's completers, fed from the page instead of prefix.cc and the Linked Open
  // Vocabularies service: every suggestion is a term of this graph. (Nothing is kept in the
  // browser's storage: persistenceId null.)
  const prefixes = Object.entries(vocabulary.prefixes).map(([p, iri]) => `${p}: <${iri}>`);
  Yasqe.forkAutocompleter(
    "prefixes",
    { name: "kg-prefixes", get: prefixes, bulk: true, persistenceId: null },
    false,
  );
  Yasqe.forkAutocompleter(
    "property",
    { name: "kg-properties", get: vocabulary.properties, bulk: true, autoShow: true },
    false,
  );
  Yasqe.forkAutocompleter(
    "class",
    { name: "kg-classes", get: vocabulary.classes, bulk: true, autoShow: true },
    false,
  );
  // Not merged with YASQE's defaults (lodash merges arrays item by item).
  Yasqe.defaults.autocompleters = ["variables", "kg-prefixes", "kg-properties", "kg-classes"];

  const form = textarea.form;
  const run = () => {
    textarea.value = yasqe.getValue();
    form.requestSubmit();
  };
  const holder = document.createElement("div");
  holder.id = "editor";
  textarea.parentNode.insertBefore(holder, textarea);
  const yasqe = new Yasqe(holder, {
    value: textarea.value,
    // The text is the page's (the link's, the example's), never one kept in the browser.
    persistenceId: null,
    consumeShareLink: null,
    createShareableLink: null,
    showQueryButton: false,
    resizeable: true,
    editorHeight: "22rem",
    requestConfig: { endpoint: new URL("/sparql", document.baseURI).href },
    extraKeys: { "Ctrl-Enter": run, "Cmd-Enter": run },
  });
  textarea.hidden = true;
  const help = document.getElementById("editor-help");
  if (help) {
    help.hidden = false;
  }

  // The link to this query follows the text: the address of the page that runs it.
  const share = document.getElementById("share");
  const follow = () => {
    textarea.value = yasqe.getValue();
    if (share) {
      const address = new URL("/query", document.baseURI);
      address.searchParams.set("query", textarea.value);
      share.href = address.pathname + address.search;
    }
  };
  yasqe.on("change", follow);
  form.addEventListener("submit", follow);
  window.kgEditor = yasqe; // for the browser tests and the console
});
