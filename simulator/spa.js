/* iIKP simulator, single-page mode: same-origin links and forms are fetched and the new page's <body> is
   swapped into this document, like Turbo Drive or htmx boost. Injected by simulator/spa.py. */
(function () {
  "use strict";
  if (window.iikpSpa) { return; }
  var DELAY_MS = __DELAY_MS__;
  var REQUEST_HEADER = "X-Sim-Spa";
  var LOCATION_HEADER = "X-Sim-Spa-Location";
  var LOADING = "\u0141adowanie\u2026";
  // Visible to tests only; page objects must not rely on it (the real iIKP has no such thing).
  var spa = window.iikpSpa = { swaps: 0, loading: false };
  var generation = 0;
  var indicator = null;

  function pause(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function setBusy(busy) {
    var regions = [document.body, document.querySelector("main")];
    for (var i = 0; i < regions.length; i++) {
      if (!regions[i]) { continue; }
      if (busy) { regions[i].setAttribute("aria-busy", "true"); } else { regions[i].removeAttribute("aria-busy"); }
    }
  }

  function showLoading() {
    spa.loading = true;
    setBusy(true);
    if (indicator && indicator.isConnected) { return; }
    indicator = document.createElement("div");
    indicator.setAttribute("role", "progressbar");
    indicator.setAttribute("aria-label", LOADING);
    indicator.textContent = LOADING;
    indicator.style.cssText = "position:fixed;right:1rem;bottom:1rem;z-index:2147483647;padding:.5rem 1rem;" +
      "background:#1b1b1b;color:#fff;border-radius:.25rem;font-weight:600;box-shadow:0 2px 6px rgba(0,0,0,.3)";
    document.body.appendChild(indicator);
  }

  function hideLoading() {
    spa.loading = false;
    setBusy(false);
    if (indicator) { indicator.remove(); }
    indicator = null;
  }

  function leave(url) {
    // The indicator stays until the browser unloads this document.
    location.assign(url);
  }

  function replaceStyles(doc) {
    var current = document.head.querySelectorAll("style");
    var next = doc.head ? doc.head.querySelectorAll("style") : [];
    var same = current.length === next.length;
    for (var i = 0; same && i < current.length; i++) { same = current[i].textContent === next[i].textContent; }
    if (same) { return; }
    for (var j = 0; j < current.length; j++) { current[j].remove(); }
    for (var k = 0; k < next.length; k++) { document.head.appendChild(document.importNode(next[k], true)); }
  }

  function swap(html, url, historyMode) {
    // Scripts parsed by DOMParser never run, also once moved into this document.
    var doc = new DOMParser().parseFromString(html, "text/html");
    document.title = doc.title;
    replaceStyles(doc);
    var body = document.body;
    var names = body.getAttributeNames();
    for (var i = 0; i < names.length; i++) { body.removeAttribute(names[i]); }
    var attributes = doc.body.attributes;
    for (var j = 0; j < attributes.length; j++) { body.setAttribute(attributes[j].name, attributes[j].value); }
    body.replaceChildren.apply(body, Array.prototype.slice.call(doc.body.childNodes));
    indicator = null;
    hideLoading();
    var entry = { iikpSpa: true };
    if (historyMode === "push" && url !== location.href) {
      history.pushState(entry, "", url);
    } else {
      history.replaceState(entry, "", url);
    }
    window.scrollTo(0, 0);
    var autofocus = body.querySelector("[autofocus]");
    if (autofocus) { autofocus.focus(); }
    spa.swaps += 1;
    document.dispatchEvent(new CustomEvent("iikp:swapped", { detail: { url: url } }));
  }

  function submitNatively(request) {
    // A POST whose fetch failed on the network: the browser sends it again itself, so the action is never
    // silently dropped (it shows its own error page if the server is really unreachable).
    var form = document.createElement("form");
    form.method = "post";
    form.action = request.url;
    form.enctype = request.enctype;
    form.style.display = "none";
    request.fields.forEach(function (pair) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = pair[0];
      input.value = typeof pair[1] === "string" ? pair[1] : "";
      form.appendChild(input);
    });
    document.body.appendChild(form);
    HTMLFormElement.prototype.submit.call(form);
  }

  function navigate(request) {
    var mine = ++generation;
    showLoading();
    var headers = {};
    headers[REQUEST_HEADER] = "1";
    var init = {
      method: request.method, headers: headers, credentials: "same-origin", mode: "same-origin",
      redirect: "follow", cache: "no-store"
    };
    if (request.method === "POST") {
      init.body = request.enctype === "multipart/form-data" ? request.formData : new URLSearchParams(request.fields);
    }
    var delayed = pause(DELAY_MS);
    fetch(request.url, init).then(function (response) {
      var elsewhere = response.headers.get(LOCATION_HEADER);
      var isHtml = (response.headers.get("Content-Type") || "").indexOf("text/html") === 0;
      var read = isHtml && !elsewhere ? response.text() : Promise.resolve(null);
      return Promise.all([read, delayed]).then(function (results) {
        if (mine !== generation) { return; }
        if (elsewhere) { leave(elsewhere); return; }
        if (!isHtml) { leave(response.url); return; }
        var url = response.url;
        var hash = new URL(request.url).hash;
        if (hash && !response.redirected) { url += hash; }
        try {
          swap(results[0], url, request.history);
        } catch (error) {
          leave(response.url);
        }
      });
    }, function () {
      if (mine !== generation) { return; }
      if (request.method === "GET") { leave(request.url); } else { submitNatively(request); }
    });
  }

  function sameOrigin(url) {
    return url.origin === location.origin && (url.protocol === "http:" || url.protocol === "https:");
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey ||
        event.altKey || !(event.target instanceof Element)) { return; }
    var link = event.target.closest("a[href], area[href]");
    if (!link || link.hasAttribute("download")) { return; }
    var target = link.getAttribute("target");
    if (target && target !== "_self") { return; }
    var url = new URL(link.href, document.baseURI);
    if (!sameOrigin(url)) { return; }
    if (url.hash && url.pathname === location.pathname && url.search === location.search) { return; }
    event.preventDefault();
    navigate({ method: "GET", url: url.href, history: "push" });
  });

  document.addEventListener("submit", function (event) {
    if (event.defaultPrevented) { return; }
    var form = event.target;
    var submitter = event.submitter || null;
    function pick(attribute, property, fallback) {
      return submitter && submitter.hasAttribute(attribute) ? submitter[property] : fallback;
    }
    var method = pick("formmethod", "formMethod", form.method).toLowerCase();
    var target = pick("formtarget", "formTarget", form.target);
    if (method === "dialog" || (target && target !== "_self")) { return; }
    var url = new URL(pick("formaction", "formAction", form.action), document.baseURI);
    if (!sameOrigin(url)) { return; }
    var formData;
    try {
      formData = new FormData(form, submitter);
    } catch (error) {
      formData = new FormData(form);
      if (submitter && submitter.name) { formData.append(submitter.name, submitter.value); }
    }
    var fields = [];
    formData.forEach(function (value, name) { fields.push([name, typeof value === "string" ? value : value.name]); });
    event.preventDefault();
    if (method === "get") {
      url.search = new URLSearchParams(fields).toString();
      navigate({ method: "GET", url: url.href, history: "push" });
    } else {
      var enctype = pick("formenctype", "formEnctype", form.enctype);
      navigate({
        method: "POST", url: url.href, history: "push", fields: fields, formData: formData,
        enctype: enctype === "multipart/form-data" ? enctype : "application/x-www-form-urlencoded"
      });
    }
  });

  window.addEventListener("popstate", function (event) {
    if (event.state && event.state.iikpSpa) {
      navigate({ method: "GET", url: location.href, history: "replace" });
    }
  });

  history.replaceState({ iikpSpa: true }, "", location.href);
})();
