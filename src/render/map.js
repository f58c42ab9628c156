// citemap's interactive map: one canvas, no library, no network.
// Data comes from the JSON block above (parsed, never evaluated); every
// text reaches the page through textContent, never innerHTML.
(function () {
  "use strict";
  var errors = [];
  window.addEventListener("error", function (e) { errors.push(String(e.message)); });

  var D = JSON.parse(document.getElementById("citemap-data").textContent);
  var canvas = document.getElementById("map");
  var ctx = canvas.getContext("2d");
  var tipBox = document.getElementById("tip");
  var info = document.getElementById("info");
  var results = document.getElementById("results");
  var search = document.getElementById("search");
  var captionBox = document.getElementById("caption");

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function colour(g) { return g < 0 ? D.ungrouped : D.palette[g % D.palette.length]; }
  function radius(w) { return 5 + 4 * Math.min(Math.sqrt(Math.max(w, 0)), 8); }
  function tipOf(id) { return D.tips[id] || ""; }

  // Views: nodes as objects, adjacency for highlighting, label order.
  var views = {};
  D.views.forEach(function (v) {
    var nodes = v.nodes.map(function (a, i) {
      return { i: i, id: a[0], label: a[1], kind: a[2], g: a[3], w: a[4], x: a[5], y: a[6], hl: a[7] === 1, r: radius(a[4]) };
    });
    var index = {};
    nodes.forEach(function (n) { index[n.id] = n.i; });
    var out = nodes.map(function () { return []; });
    var into = nodes.map(function () { return []; });
    v.edges.forEach(function (e) { out[e[0]].push(e[1]); into[e[1]].push(e[0]); });
    var order = nodes.slice().sort(function (a, b) {
      return (b.kind === 0) - (a.kind === 0) || b.w - a.w || a.i - b.i;
    });
    views[v.name] = { name: v.name, title: v.title, caption: v.caption, directed: v.directed, nodes: nodes, edges: v.edges, index: index, out: out, into: into, order: order };
  });

  var state = { view: null, scale: 1, ox: 0, oy: 0, hidden: {}, selected: null, hover: null, lit: null, matches: null, labels: 0 };

  function visible(n) { return !(n.g >= 0 && state.hidden[n.g]); }

  function resize() {
    var ratio = window.devicePixelRatio || 1;
    var w = canvas.clientWidth || 800, h = canvas.clientHeight || 600;
    canvas.width = Math.round(w * ratio);
    canvas.height = Math.round(h * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  }

  function fit() {
    var v = state.view, w = canvas.clientWidth || 800, h = canvas.clientHeight || 600;
    if (!v.nodes.length) { state.scale = 1; state.ox = w / 2; state.oy = h / 2; return; }
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    v.nodes.forEach(function (n) {
      x0 = Math.min(x0, n.x - n.r); x1 = Math.max(x1, n.x + n.r);
      y0 = Math.min(y0, n.y - n.r); y1 = Math.max(y1, n.y + n.r);
    });
    var s = Math.min((w - 40) / Math.max(x1 - x0, 1), (h - 40) / Math.max(y1 - y0, 1));
    state.scale = Math.min(s, 3);
    state.ox = w / 2 - state.scale * (x0 + x1) / 2;
    state.oy = h / 2 - state.scale * (y0 + y1) / 2;
  }

  function sx(n) { return n.x * state.scale + state.ox; }
  function sy(n) { return n.y * state.scale + state.oy; }
  function sr(n) { return Math.max(n.r * state.scale, 1.5); }

  function shape(n, x, y, r) {
    ctx.beginPath();
    if (n.kind === 0) ctx.rect(x - r, y - r, 2 * r, 2 * r);
    else if (n.kind === 2) { ctx.moveTo(x, y - r); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r); ctx.lineTo(x - r, y); ctx.closePath(); }
    else ctx.arc(x, y, r, 0, 2 * Math.PI);
  }

  function draw() {
    var v = state.view, w = canvas.clientWidth || 800, h = canvas.clientHeight || 600;
    ctx.clearRect(0, 0, w, h);
    var lit = state.lit, dim = lit !== null;
    // Edges, in two passes: plain, then highlighted.
    [false, true].forEach(function (strong) {
      ctx.beginPath();
      v.edges.forEach(function (e) {
        var a = v.nodes[e[0]], b = v.nodes[e[1]];
        if (!visible(a) || !visible(b)) return;
        var on = dim ? (lit[a.i] && lit[b.i] && (a.i === state.selected || b.i === state.selected)) : (e[3] & 1) === 1;
        if (on !== strong) return;
        ctx.moveTo(sx(a), sy(a));
        ctx.lineTo(sx(b), sy(b));
      });
      ctx.lineWidth = strong ? 1.2 : 0.6;
      ctx.strokeStyle = strong ? "rgba(192,57,43,0.55)" : (dim ? "rgba(0,0,0,0.04)" : "rgba(0,0,0,0.12)");
      ctx.stroke();
    });
    var drawn = 0;
    v.nodes.forEach(function (n) {
      if (!visible(n)) return;
      var x = sx(n), y = sy(n), r = sr(n);
      if (x < -r || y < -r || x > w + r || y > h + r) return;
      drawn++;
      ctx.globalAlpha = dim && !lit[n.i] ? 0.15 : 1;
      shape(n, x, y, r);
      ctx.fillStyle = colour(n.g);
      ctx.fill();
      if (n.hl || n.i === state.selected || (state.matches && state.matches[n.i])) {
        ctx.lineWidth = n.i === state.selected || (state.matches && state.matches[n.i]) ? 3 : 1.5;
        ctx.strokeStyle = state.matches && state.matches[n.i] ? "#111" : "#C0392B";
        ctx.stroke();
      }
    });
    ctx.globalAlpha = 1;
    state.drawn = drawn;
    drawLabels(v, w, h);
  }

  // Labels, heaviest first, each only where no other label stands: as
  // the reader zooms out, fewer fit, so fewer are drawn.
  function drawLabels(v, w, h) {
    var cell = 12, cols = Math.ceil(w / cell) + 1, used = new Uint8Array(cols * (Math.ceil(h / cell) + 1));
    var count = 0;
    ctx.font = "11px Helvetica Neue, Helvetica, Arial, Liberation Sans, sans-serif";
    ctx.textBaseline = "middle";
    for (var k = 0; k < v.order.length && count < 600; k++) {
      var n = v.order[k];
      if (!visible(n) || (state.lit !== null && !state.lit[n.i])) continue;
      var x = sx(n), y = sy(n), r = sr(n);
      if (x < 0 || y < 0 || x > w || y > h) continue;
      if (r < 2.5 && n.i !== state.selected) continue;
      var tw = ctx.measureText(n.label).width;
      var left = x + r + 3, c0 = Math.floor(left / cell), c1 = Math.floor((left + tw) / cell);
      var r0 = Math.floor((y - 7) / cell), r1 = Math.floor((y + 7) / cell), free = true, i, j;
      if (left + tw > w || r0 < 0) continue;
      for (i = r0; i <= r1 && free; i++) for (j = c0; j <= c1; j++) if (used[i * cols + j]) { free = false; break; }
      if (!free) continue;
      for (i = r0; i <= r1; i++) for (j = c0; j <= c1; j++) used[i * cols + j] = 1;
      ctx.fillStyle = "rgba(255,255,255,0.8)";
      ctx.fillRect(left - 1, y - 7, tw + 2, 14);
      ctx.fillStyle = "#222";
      ctx.fillText(n.label, left, y);
      count++;
    }
    state.labels = count;
  }

  function nodeAt(px, py) {
    var v = state.view, best = null, bestD = Infinity;
    v.nodes.forEach(function (n) {
      if (!visible(n)) return;
      var dx = sx(n) - px, dy = sy(n) - py, d = dx * dx + dy * dy, r = sr(n) + 3;
      if (d <= r * r && d < bestD) { best = n; bestD = d; }
    });
    return best;
  }

  function showTip(n, px, py) {
    if (!n) { tipBox.hidden = true; state.hover = null; return; }
    state.hover = n.id;
    tipBox.textContent = tipOf(n.id) || n.label;
    tipBox.hidden = false;
    var x = Math.min(px + 14, window.innerWidth - 470), y = Math.min(py + 14, window.innerHeight - tipBox.offsetHeight - 8);
    tipBox.style.left = Math.max(x, 4) + "px";
    tipBox.style.top = Math.max(y, 4) + "px";
  }

  // Who cites a work and what it is cited with, from the citation view.
  function neighbours(id) {
    var c = views.citation, out = { citedBy: [], cites: [], cocited: [] };
    if (!c || c.index[id] === undefined) return out;
    var i = c.index[id], counts = {};
    out.citedBy = c.into[i].map(function (j) { return c.nodes[j]; });
    out.cites = c.out[i].map(function (j) { return c.nodes[j]; });
    c.into[i].forEach(function (d) {
      c.out[d].forEach(function (w) { if (w !== i) counts[w] = (counts[w] || 0) + 1; });
    });
    out.cocited = Object.keys(counts).map(Number).sort(function (a, b) { return counts[b] - counts[a] || a - b; })
      .slice(0, 25).map(function (j) { var n = c.nodes[j]; return { node: n, times: counts[j] }; });
    return out;
  }

  function listOf(title, items, label) {
    if (!items.length) return;
    info.appendChild(el("h2", title));
    var ul = el("ul");
    items.slice(0, 30).forEach(function (it) {
      var li = el("li"), b = el("button", label(it), "linkish");
      var n = it.node || it;
      b.addEventListener("click", function () { select(n.id, true); });
      li.appendChild(b);
      ul.appendChild(li);
    });
    if (items.length > 30) ul.appendChild(el("li", "… and " + (items.length - 30) + " more"));
    info.appendChild(ul);
  }

  function select(id, centre) {
    var v = state.view;
    info.textContent = "";
    if (id === null || v.index[id] === undefined) {
      state.selected = null; state.lit = null;
      if (id !== null) info.appendChild(el("p", "Not in this view."));
      draw();
      return;
    }
    var n = v.nodes[v.index[id]];
    state.selected = n.i;
    var lit = new Uint8Array(v.nodes.length);
    lit[n.i] = 1;
    v.out[n.i].forEach(function (j) { lit[j] = 1; });
    v.into[n.i].forEach(function (j) { lit[j] = 1; });
    var nb = neighbours(id);
    nb.cocited.forEach(function (c) { var j = v.index[c.node.id]; if (j !== undefined) lit[j] = 1; });
    nb.citedBy.forEach(function (c) { var j = v.index[c.id]; if (j !== undefined) lit[j] = 1; });
    state.lit = lit;
    info.appendChild(el("h2", n.label));
    info.appendChild(el("div", tipOf(n.id), "full"));
    listOf("Cited by", nb.citedBy, function (d) { return d.label; });
    listOf("Co-cited with", nb.cocited, function (c) { return c.node.label + " (" + c.times + "×)"; });
    listOf("Cites", nb.cites, function (d) { return d.label; });
    if (centre) {
      var w = canvas.clientWidth || 800, h = canvas.clientHeight || 600;
      state.ox = w / 2 - n.x * state.scale;
      state.oy = h / 2 - n.y * state.scale;
    }
    draw();
  }

  function find(query) {
    var q = query.trim().toLowerCase(), v = state.view, hits = [];
    if (q.length < 2) return hits;
    v.nodes.forEach(function (n) {
      if ((n.label + "\n" + tipOf(n.id)).toLowerCase().indexOf(q) >= 0) hits.push(n);
    });
    hits.sort(function (a, b) { return b.w - a.w || a.i - b.i; });
    return hits;
  }

  function runSearch(query) {
    var hits = find(query);
    results.textContent = "";
    state.matches = null;
    if (query.trim().length >= 2) {
      state.matches = new Uint8Array(state.view.nodes.length);
      hits.forEach(function (n) { state.matches[n.i] = 1; });
      results.appendChild(el("h2", hits.length + " match" + (hits.length === 1 ? "" : "es") + " for “" + query.trim() + "”"));
      var ul = el("ul");
      hits.slice(0, 40).forEach(function (n) {
        var li = el("li"), b = el("button", n.label, "linkish");
        b.title = tipOf(n.id);
        b.addEventListener("click", function () { select(n.id, true); });
        li.appendChild(b);
        ul.appendChild(li);
      });
      results.appendChild(ul);
    }
    draw();
    return hits.map(function (n) { return n.id; });
  }

  function setView(name) {
    if (!views[name]) return false;
    var keep = state.selected !== null && state.view ? state.view.nodes[state.selected].id : null;
    state.view = views[name];
    state.selected = null; state.lit = null;
    document.querySelectorAll("#views button").forEach(function (b) {
      b.setAttribute("aria-pressed", b.dataset.view === name ? "true" : "false");
    });
    captionBox.textContent = state.view.title + (state.view.caption ? " — " + state.view.caption : "");
    fit();
    if (search.value) runSearch(search.value);
    if (keep) select(keep, false); else draw();
    return true;
  }

  // Controls.
  var nav = document.getElementById("views");
  D.views.forEach(function (v) {
    var b = el("button", v.label);
    b.type = "button";
    b.dataset.view = v.name;
    b.addEventListener("click", function () { setView(v.name); });
    nav.appendChild(b);
  });
  var clusterBox = document.getElementById("clusters");
  clusterBox.appendChild(el("h2", "Clusters"));
  D.clusters.forEach(function (c, g) {
    var div = el("div", null, "cluster"), label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true;
    box.addEventListener("change", function () { state.hidden[g] = !box.checked; draw(); });
    var sw = el("span", null, "swatch");
    sw.style.background = colour(g);
    label.appendChild(box); label.appendChild(sw); label.appendChild(document.createTextNode(c.id + ". " + c.label));
    div.appendChild(label);
    if (c.terms.length) div.appendChild(el("div", "terms: " + c.terms.join(", "), "terms"));
    if (c.evidence.length) div.appendChild(el("div", "label from: " + c.evidence.join("; "), "evidence"));
    if (c.top.length) {
      var ul = el("ul");
      c.top.forEach(function (t) {
        var li = el("li"), b = el("button", t[1], "linkish");
        b.addEventListener("click", function () { select(t[0], true); });
        li.appendChild(b); ul.appendChild(li);
      });
      div.appendChild(ul);
    }
    clusterBox.appendChild(div);
  });
  search.addEventListener("input", function () { runSearch(search.value); });

  var drag = null;
  canvas.addEventListener("mousedown", function (e) { drag = { x: e.clientX, y: e.clientY, ox: state.ox, oy: state.oy, moved: false }; canvas.classList.add("dragging"); });
  window.addEventListener("mouseup", function (e) {
    canvas.classList.remove("dragging");
    if (drag && !drag.moved) {
      var r = canvas.getBoundingClientRect(), n = nodeAt(e.clientX - r.left, e.clientY - r.top);
      if (e.target === canvas) select(n ? n.id : null, false);
    }
    drag = null;
  });
  canvas.addEventListener("mousemove", function (e) {
    var r = canvas.getBoundingClientRect();
    if (drag) {
      if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 3) drag.moved = true;
      state.ox = drag.ox + e.clientX - drag.x; state.oy = drag.oy + e.clientY - drag.y;
      draw();
      return;
    }
    showTip(nodeAt(e.clientX - r.left, e.clientY - r.top), e.clientX, e.clientY);
  });
  canvas.addEventListener("mouseleave", function () { showTip(null); });
  canvas.addEventListener("wheel", function (e) {
    e.preventDefault();
    var r = canvas.getBoundingClientRect(), px = e.clientX - r.left, py = e.clientY - r.top;
    var f = Math.exp(-e.deltaY * 0.0015), s = Math.min(Math.max(state.scale * f, 0.005), 40);
    state.ox = px - (px - state.ox) * s / state.scale;
    state.oy = py - (py - state.oy) * s / state.scale;
    state.scale = s;
    draw();
  }, { passive: false });
  window.addEventListener("resize", function () { resize(); draw(); });

  resize();
  var params = {};
  location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
    var i = kv.indexOf("=");
    if (i > 0) params[decodeURIComponent(kv.slice(0, i))] = decodeURIComponent(kv.slice(i + 1));
  });
  setView(views[params.view] ? params.view : D.views[0].name);

  // Hovering by id, as the mouse does: used by the self-test.
  function hover(id) {
    var v = state.view, i = v.index[id];
    if (i === undefined) return null;
    var n = v.nodes[i], r = canvas.getBoundingClientRect();
    showTip(n, r.left + sx(n), r.top + sy(n));
    return tipBox.textContent;
  }
  window.citemap = { setView: setView, search: runSearch, select: select, hover: hover, errors: errors, state: state };

  // A self-test the browser test runs (`#test=1&search=…&hover=…`): its
  // result is written into the page for `--dump-dom` to read.
  if (params.test) {
    var result = { view: state.view.name, nodes: state.view.nodes.length, drawn: state.drawn, labels: state.labels, views: D.views.map(function (v) { return v.name; }) };
    if (params.search) result.search = runSearch(params.search).slice(0, 50);
    if (params.hover) result.hover = hover(params.hover);
    if (params.select) { select(params.select, true); result.selected = info.textContent.slice(0, 2000); }
    result.perView = D.views.map(function (v) { setView(v.name); return [v.name, state.view.nodes.length, state.drawn]; });
    setView(views[params.view] ? params.view : D.views[0].name);
    if (params.hover) hover(params.hover);
    result.errors = errors;
    var pre = el("pre", JSON.stringify(result));
    pre.id = "selftest";
    pre.hidden = true;
    document.body.appendChild(pre);
  }
})();
