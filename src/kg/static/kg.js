// The script of the pages of `kg serve`: a file, not inline code or event attributes, so that
// the pages' Content-Security-Policy allows scripts from the server only (script-src 'self').
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Choosing a named query on the query page loads it: the select submits its form.
  for (const select of document.querySelectorAll("select[data-submit]")) {
    select.addEventListener("change", () => select.form.submit());
  }
  // Addresses the server writes root-relative (it never builds one from the Host header),
  // shown whole as the browser reached the server, e.g. in the curl command to copy.
  for (const element of document.querySelectorAll("[data-absolute]")) {
    element.textContent = new URL(element.textContent, document.baseURI).href;
  }
});
