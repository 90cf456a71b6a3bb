"""A NetworkX view as one self-contained, interactive HTML page.

The page works offline: no CDN, no external file; its data (JSON) and a small
vanilla-JavaScript SVG renderer are inlined. Positions come from the same
seeded layout as the pictures (:func:`kg.draw.layout`), so the page shows a
finished drawing at once; the reader can then pan (drag the background), zoom
(wheel or the +/- buttons), drag nodes, hover a node to see its attributes and
neighbours, search names, click a type in the legend to hide or show it, and
let a force simulation relax the layout.

>>> import networkx as nx
>>> G = nx.Graph(view="membership")
>>> G.add_node("https://w3id.org/diplokg/id/state/RUS", label="Russia", type="State")
>>> G.add_node("https://w3id.org/diplokg/id/org/SCO", label="SCO", type="InternationalOrganization")
>>> G.add_edge("https://w3id.org/diplokg/id/state/RUS", "https://w3id.org/diplokg/id/org/SCO")
>>> page = html_page(G)
>>> page.startswith("<!DOCTYPE html>"), "<script src" in page, page.count('"id":')
(True, False, 2)
"""
from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any

from .draw import layout, type_color

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["html_page", "page_data"]


def _jsonable(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def page_data(G: "nx.Graph", *, seed: int = 7) -> dict[str, Any]:
    """The JSON the page draws: ``nodes`` (id, label, type, colour, x, y,
    degree, attributes), ``edges`` (source and target indexes, label, weight),
    ``types`` (name, colour, count) and ``directed``."""
    pos = layout(G, seed=seed)
    nodes = sorted(G.nodes, key=str)
    index = {n: i for i, n in enumerate(nodes)}
    out_nodes = []
    for n in nodes:
        attrs = {k: _jsonable(v) for k, v in sorted(G.nodes[n].items())
                 if v is not None and not k.startswith("_")}
        kind = attrs.get("type")
        x, y = pos[n]
        out_nodes.append({"id": str(n), "label": attrs.get("label") or str(n).rsplit("/", 1)[-1],
                          "type": kind or "other", "color": type_color(kind),
                          "x": round(x * 500, 2), "y": round(-y * 500, 2),
                          "degree": G.degree(n), "attrs": attrs})
    edges = []
    raw = G.edges(keys=True, data=True) if G.is_multigraph() else \
        ((u, v, None, d) for u, v, d in G.edges(data=True))
    for u, v, key, data in raw:
        label = key if isinstance(key, str) else data.get("predicate") or data.get("relation")
        if data.get("organizations"):
            label = ", ".join(data["organizations"])
        elif data.get("meetings"):
            label = "; ".join(data["meetings"])
        # on undirected views the relation is the same everywhere: write only informative labels
        shown = G.is_directed() or bool(data.get("organizations") or data.get("meetings"))
        edges.append({"s": index[u], "t": index[v], "label": str(label or ""),
                      "w": float(data.get("weight") or 1), "shown": shown})
    counts: dict[str, int] = {}
    for node in out_nodes:
        counts[node["type"]] = counts.get(node["type"], 0) + 1
    types = [{"name": t, "color": type_color(t if t != "other" else None), "count": c}
             for t, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": out_nodes, "edges": edges, "types": types, "directed": G.is_directed()}


def html_page(G: "nx.Graph", *, title: str | None = None, seed: int = 7) -> str:
    """The page of view ``G`` (see the module documentation); deterministic text."""
    data = page_data(G, seed=seed)
    name = title or G.graph.get("view") or "view"
    heading = (f"{name}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    payload = payload.replace("</", "<\\/").replace("<!--", "<\\!--")
    return (_TEMPLATE.replace("__TITLE__", html.escape(heading))
            .replace("__DATA__", payload))


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>__TITLE__ - DiploKG</title>
<style>
  html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2933; }
  #app { display: flex; height: 100%; }
  #stage { flex: 1; position: relative; background: #fbfcfd; }
  svg { width: 100%; height: 100%; display: block; cursor: grab; user-select: none; }
  svg.panning { cursor: grabbing; }
  aside { width: 300px; border-left: 1px solid #d9e2ec; padding: 12px 14px; overflow: auto; background: #fff; }
  h1 { font-size: 15px; margin: 0 0 10px; }
  input[type=search] { width: 100%; box-sizing: border-box; padding: 6px 8px; border: 1px solid #bcccdc; border-radius: 4px; }
  .legend { list-style: none; padding: 0; margin: 12px 0; }
  .legend li { cursor: pointer; padding: 2px 0; display: flex; align-items: center; gap: 8px; }
  .legend li.off { opacity: .35; text-decoration: line-through; }
  .dot { width: 12px; height: 12px; border-radius: 50%; display: inline-block; border: 1px solid #fff; box-shadow: 0 0 0 1px #cbd2d9; }
  .edge { stroke: #9aa5b1; stroke-opacity: .6; }
  .edge.hi { stroke: #486581; stroke-opacity: 1; }
  .elabel { fill: #52606d; paint-order: stroke; stroke: #fff; stroke-width: .3em; pointer-events: none; }
  .node circle { stroke: #fff; stroke-width: 1.5px; cursor: pointer; }
  .node text { paint-order: stroke; stroke: #fff; stroke-width: .3em; fill: #1f2933; pointer-events: none; }
  .node.dim, .edge.dim, .elabel.dim { opacity: .12; }
  .node.match circle { stroke: #f0b429; stroke-width: 4px; }
  #info { margin-top: 10px; font-size: 13px; word-break: break-word; }
  #info table { border-collapse: collapse; width: 100%; }
  #info td { border-top: 1px solid #eef2f6; padding: 3px 4px; vertical-align: top; }
  #info td:first-child { color: #627d98; white-space: nowrap; }
  .buttons { position: absolute; top: 10px; left: 10px; display: flex; gap: 6px; }
  button { font: inherit; padding: 4px 10px; border: 1px solid #bcccdc; background: #fff; border-radius: 4px; cursor: pointer; }
  .hint { color: #829ab1; font-size: 12px; margin-top: 14px; }
</style>
</head>
<body>
<div id="app">
  <div id="stage">
    <svg id="svg" role="img" aria-label="__TITLE__"><g id="viewport"><g id="edges"></g><g id="elabels"></g><g id="nodes"></g></g></svg>
    <div class="buttons"><button id="zin" title="zoom in">+</button><button id="zout" title="zoom out">&minus;</button><button id="fit">fit</button><button id="relax">relax layout</button></div>
  </div>
  <aside>
    <h1>__TITLE__</h1>
    <input id="search" type="search" placeholder="find a name&hellip;" aria-label="find a name">
    <ul class="legend" id="legend"></ul>
    <div id="info">Hover or click a node to see its attributes.</div>
    <div class="hint">Drag the background to pan, the wheel to zoom, a node to move it; click a type to hide it.</div>
  </aside>
</div>
<script id="graph-data" type="application/json">__DATA__</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var NS = "http://www.w3.org/2000/svg";
  var svg = document.getElementById("svg"), vp = document.getElementById("viewport");
  var gE = document.getElementById("edges"), gL = document.getElementById("elabels"), gN = document.getElementById("nodes");
  var nodes = data.nodes, edges = data.edges, hidden = {}, pinned = null;
  var view = { x: 0, y: 0, k: 1 };
  var adj = nodes.map(function () { return []; });
  edges.forEach(function (e, i) { adj[e.s].push(i); adj[e.t].push(i); });
  var maxDeg = Math.max.apply(null, [1].concat(nodes.map(function (n) { return n.degree; })));
  var maxW = Math.max.apply(null, [1].concat(edges.map(function (e) { return e.w; })));
  function el(name, attrs, parent) {
    var x = document.createElementNS(NS, name);
    for (var k in attrs) { x.setAttribute(k, attrs[k]); }
    if (parent) { parent.appendChild(x); }
    return x;
  }
  if (data.directed) {
    var defs = el("defs", {}, svg);
    var m = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5", markerWidth: "12", markerHeight: "12", markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, defs);
    el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#7b8794" }, m);
  }
  nodes.forEach(function (n) { n.r = 6 + 16 * Math.sqrt(n.degree / maxDeg); });
  edges.forEach(function (e) {
    e.line = el("line", { "class": "edge", "stroke-width": (1 + 3 * e.w / maxW).toFixed(2) }, gE);
    if (data.directed) { e.line.setAttribute("marker-end", "url(#arrow)"); }
    var t = el("title", {}, e.line); t.textContent = e.label;
    if (edges.length <= 60 && e.label && e.shown) {
      e.text = el("text", { "class": "elabel", "text-anchor": "middle" }, gL);
      e.text.textContent = e.label.length > 40 ? e.label.slice(0, 39) + "\\u2026" : e.label;
    }
  });
  nodes.forEach(function (n, i) {
    n.g = el("g", { "class": "node" }, gN);
    n.c = el("circle", { r: n.r.toFixed(1), fill: n.color }, n.g);
    n.t = el("text", { "text-anchor": "middle", dy: (-n.r - 4).toFixed(1) }, n.g);
    n.t.textContent = n.label;
    n.g.addEventListener("mouseenter", function () { if (pinned === null) { focus(i); } });
    n.g.addEventListener("mouseleave", function () { if (pinned === null) { focus(null); } });
    n.g.addEventListener("mousedown", function (ev) { ev.stopPropagation(); startDrag(ev, i); });
  });
  function place() {
    edges.forEach(function (e) {
      var a = nodes[e.s], b = nodes[e.t], dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      var x2 = data.directed ? b.x - dx / d * (b.r + 2) : b.x, y2 = data.directed ? b.y - dy / d * (b.r + 2) : b.y;
      e.line.setAttribute("x1", a.x); e.line.setAttribute("y1", a.y);
      e.line.setAttribute("x2", x2); e.line.setAttribute("y2", y2);
      if (e.text) { e.text.setAttribute("x", (a.x + b.x) / 2); e.text.setAttribute("y", (a.y + b.y) / 2); }
    });
    nodes.forEach(function (n) { n.g.setAttribute("transform", "translate(" + n.x + "," + n.y + ")"); });
  }
  function applyView() {
    vp.setAttribute("transform", "translate(" + view.x + "," + view.y + ") scale(" + view.k + ")");
    // labels keep their size on screen whatever the zoom
    var k = Math.max(view.k, 0.05);
    gN.style.fontSize = (12 / k).toFixed(2) + "px"; gL.style.fontSize = (10 / k).toFixed(2) + "px";
    nodes.forEach(function (n) { n.t.setAttribute("dy", (-n.r - 4 / k).toFixed(1)); });
  }
  function fit() {
    var shown = nodes.filter(function (n) { return !hidden[n.type]; });
    if (!shown.length) { return; }
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    shown.forEach(function (n) { x0 = Math.min(x0, n.x - n.r); y0 = Math.min(y0, n.y - n.r - 24); x1 = Math.max(x1, n.x + n.r); y1 = Math.max(y1, n.y + n.r); });
    var w = svg.clientWidth || 900, h = svg.clientHeight || 700, pad = 60;
    view.k = Math.min((w - 2 * pad) / Math.max(x1 - x0, 1), (h - 2 * pad) / Math.max(y1 - y0, 1), 3);
    view.x = (w - (x0 + x1) * view.k) / 2; view.y = (h - (y0 + y1) * view.k) / 2;
    applyView();
  }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }
  function show(i) {
    var info = document.getElementById("info");
    if (i === null) { info.innerHTML = "Hover or click a node to see its attributes."; return; }
    var n = nodes[i], rows = "";
    Object.keys(n.attrs).forEach(function (k) {
      var v = n.attrs[k]; rows += "<tr><td>" + esc(k) + "</td><td>" + esc(Array.isArray(v) ? v.join("; ") : v) + "</td></tr>";
    });
    var links = adj[i].map(function (j) { var e = edges[j], o = nodes[e.s === i ? e.t : e.s]; return esc((e.s === i ? "\\u2192 " : "\\u2190 ") + (e.label ? e.label + ": " : "") + o.label); });
    info.innerHTML = "<strong>" + esc(n.label) + "</strong><table>" + rows + "</table>" +
      (links.length ? "<p><strong>" + links.length + " link" + (links.length > 1 ? "s" : "") + "</strong><br>" + links.join("<br>") + "</p>" : "");
  }
  function focus(i) {
    var near = {};
    if (i !== null) { near[i] = true; adj[i].forEach(function (j) { near[edges[j].s] = true; near[edges[j].t] = true; }); }
    nodes.forEach(function (n, k) { n.g.classList.toggle("dim", i !== null && !near[k]); });
    edges.forEach(function (e) {
      var on = i !== null && (e.s === i || e.t === i);
      e.line.classList.toggle("hi", on); e.line.classList.toggle("dim", i !== null && !on);
      if (e.text) { e.text.classList.toggle("dim", i !== null && !on); }
    });
    show(i);
  }
  function visibility() {
    nodes.forEach(function (n) { n.g.style.display = hidden[n.type] ? "none" : ""; });
    edges.forEach(function (e) {
      var off = hidden[nodes[e.s].type] || hidden[nodes[e.t].type];
      e.line.style.display = off ? "none" : ""; if (e.text) { e.text.style.display = off ? "none" : ""; }
    });
  }
  var legend = document.getElementById("legend");
  data.types.forEach(function (t) {
    var li = document.createElement("li");
    li.innerHTML = '<span class="dot" style="background:' + t.color + '"></span>' + esc(t.name) + " (" + t.count + ")";
    li.addEventListener("click", function () { hidden[t.name] = !hidden[t.name]; li.classList.toggle("off", !!hidden[t.name]); visibility(); });
    legend.appendChild(li);
  });
  document.getElementById("search").addEventListener("input", function (ev) {
    var q = ev.target.value.trim().toLowerCase();
    nodes.forEach(function (n) { n.g.classList.toggle("match", q.length > 0 && n.label.toLowerCase().indexOf(q) >= 0); });
  });
  // pan, zoom, drag
  var drag = null;
  function point(ev) { return { x: (ev.clientX - svg.getBoundingClientRect().left - view.x) / view.k, y: (ev.clientY - svg.getBoundingClientRect().top - view.y) / view.k }; }
  function startDrag(ev, i) { drag = { node: i, moved: false }; }
  svg.addEventListener("mousedown", function (ev) { drag = { pan: true, x: ev.clientX - view.x, y: ev.clientY - view.y }; svg.classList.add("panning"); });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) { return; }
    if (drag.pan) { view.x = ev.clientX - drag.x; view.y = ev.clientY - drag.y; applyView(); return; }
    var p = point(ev); nodes[drag.node].x = p.x; nodes[drag.node].y = p.y; drag.moved = true; place();
  });
  window.addEventListener("mouseup", function () {
    if (drag && drag.node !== undefined && !drag.moved) { pinned = pinned === drag.node ? null : drag.node; focus(pinned); }
    drag = null; svg.classList.remove("panning");
  });
  function zoom(f, cx, cy) { view.x = cx - (cx - view.x) * f; view.y = cy - (cy - view.y) * f; view.k *= f; applyView(); }
  svg.addEventListener("wheel", function (ev) { ev.preventDefault(); var r = svg.getBoundingClientRect(); zoom(ev.deltaY < 0 ? 1.15 : 1 / 1.15, ev.clientX - r.left, ev.clientY - r.top); }, { passive: false });
  document.getElementById("zin").addEventListener("click", function () { zoom(1.25, svg.clientWidth / 2, svg.clientHeight / 2); });
  document.getElementById("zout").addEventListener("click", function () { zoom(0.8, svg.clientWidth / 2, svg.clientHeight / 2); });
  document.getElementById("fit").addEventListener("click", fit);
  // force simulation: repulsion between all nodes, springs along edges, a weak pull to the centre
  document.getElementById("relax").addEventListener("click", function () {
    var steps = 200, temp = 30;
    nodes.forEach(function (n) { n.vx = 0; n.vy = 0; });
    function tick() {
      for (var a = 0; a < nodes.length; a++) {
        for (var b = a + 1; b < nodes.length; b++) {
          var p = nodes[a], q = nodes[b], dx = p.x - q.x, dy = p.y - q.y, d2 = dx * dx + dy * dy + 0.01, f = 9000 / d2, d = Math.sqrt(d2);
          p.vx += f * dx / d; p.vy += f * dy / d; q.vx -= f * dx / d; q.vy -= f * dy / d;
        }
      }
      edges.forEach(function (e) {
        var p = nodes[e.s], q = nodes[e.t], dx = q.x - p.x, dy = q.y - p.y, d = Math.sqrt(dx * dx + dy * dy) || 1, f = (d - 120) * 0.05;
        p.vx += f * dx / d; p.vy += f * dy / d; q.vx -= f * dx / d; q.vy -= f * dy / d;
      });
      nodes.forEach(function (n) {
        n.vx -= n.x * 0.005; n.vy -= n.y * 0.005;
        var v = Math.sqrt(n.vx * n.vx + n.vy * n.vy) || 1, s = Math.min(v, temp) / v;
        n.x += n.vx * s; n.y += n.vy * s; n.vx = 0; n.vy = 0;
      });
      temp *= 0.985; place();
      if (--steps > 0) { window.requestAnimationFrame(tick); } else { fit(); }
    }
    tick();
  });
  place(); fit();
  window.addEventListener("resize", fit);
  document.body.setAttribute("data-nodes", String(nodes.length));
  document.body.setAttribute("data-ready", "true");
})();
</script>
</body>
</html>
"""
