// Search over the index written at build time (search/index.json and its
// shards): no request leaves the site. Without JavaScript, or when the
// index cannot be read (a page opened from file://), the page keeps its
// links to the lists.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !window.fetch) return;
  var base = form.getAttribute("data-index");
  var root = form.getAttribute("data-root");
  // Interface strings in the site's language, from the form's data-*.
  var labels = form.dataset;
  var cache = {};
  var manifest = null;
  var MAX = 50;

  function get(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    }
    return cache[path];
  }

  // As the index folds its terms (src/fold.rs): lowercase, no accents.
  function fold(s) {
    return s.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss")
      .normalize("NFD").replace(/\p{M}/gu, "");
  }
  function words(s) {
    return fold(s).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length >= 2; });
  }
  function fileName(prefix) {
    if (!prefix) return "all";
    return Array.from(prefix).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16);
    }).join("");
  }

  // The ids of documents with a term starting with `word`.
  function lookup(word) {
    var wanted = manifest.shards.filter(function (key) {
      if (key.endsWith("=")) return key.slice(0, -1).startsWith(word);
      return key.startsWith(word) || word.startsWith(key);
    });
    return Promise.all(wanted.map(function (key) {
      var file = key.endsWith("=") ? fileName(key.slice(0, -1)) + "=" : fileName(key);
      return get("terms-" + file + ".json");
    })).then(function (shards) {
      var ids = new Set();
      shards.forEach(function (terms) {
        Object.keys(terms).forEach(function (term) {
          if (term.startsWith(word)) terms[term].forEach(function (id) { ids.add(id); });
        });
      });
      return ids;
    });
  }

  function show(query, ids, total) {
    var per = manifest.docs_per_file;
    var files = Array.from(new Set(ids.map(function (id) { return Math.floor(id / per); })));
    return Promise.all(files.map(function (n) { return get("docs-" + n + ".json"); })).then(function (chunks) {
      var byFile = {};
      files.forEach(function (n, i) { byFile[n] = chunks[i]; });
      list.textContent = "";
      ids.forEach(function (id) {
        var doc = byFile[Math.floor(id / per)][id % per];
        var li = document.createElement("li");
        li.className = "result " + doc[0];
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = labels[doc[0]] || doc[0];
        var a = document.createElement("a");
        a.href = root + doc[1];
        a.textContent = doc[2];
        li.append(kind, " ", a);
        if (doc[3]) {
          var detail = document.createElement("span");
          detail.className = "muted";
          detail.textContent = " — " + doc[3];
          li.append(detail);
        }
        list.append(li);
      });
      status.textContent = total === 0 ? labels.none.replace("{q}", query)
        : (total === 1 ? labels.foundOne : labels.found.replace("{n}", total)) + (total > ids.length ? " " + labels.first.replace("{n}", ids.length) : "");
    });
  }

  function search(query) {
    var terms = words(query).filter(function (w) { return manifest.stop.indexOf(w) < 0; });
    if (terms.length === 0) {
      list.textContent = "";
      status.textContent = "";
      return Promise.resolve();
    }
    return Promise.all(terms.map(lookup)).then(function (sets) {
      var ids = Array.from(sets[0]).filter(function (id) {
        return sets.every(function (s) { return s.has(id); });
      }).sort(function (a, b) { return a - b; });
      return show(query, ids.slice(0, MAX), ids.length);
    });
  }

  var pending = null;
  function run() {
    var query = input.value;
    var url = new URL(window.location.href);
    url.searchParams.set("q", query);
    history.replaceState(null, "", url);
    search(query).catch(function (e) { status.textContent = labels.failed + " (" + e.message + ")"; });
  }
  get("index.json").then(function (m) {
    manifest = m;
    document.body.classList.add("search-ready");
    input.addEventListener("input", function () {
      clearTimeout(pending);
      pending = setTimeout(run, 120);
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
    var q = new URL(window.location.href).searchParams.get("q");
    if (q) { input.value = q; run(); }
  }).catch(function () {
    status.textContent = labels.unavailable;
  });
})();
