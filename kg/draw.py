"""Pictures of NetworkX views: PNG and SVG drawn with matplotlib.

Nodes are coloured by type (with a legend counting them), sized by degree and
labelled with white-outlined text; edges are drawn thicker when their
``weight`` is larger and, on small directed views, carry their predicate. The
layout is a seeded spring layout, and the files carry no timestamps, so the
same view gives the same picture. matplotlib is imported on first use (the
``viz`` extra: ``pip install diplokg[viz]``); nothing touches ``pyplot``'s
global state.

>>> import io, networkx as nx
>>> G = nx.Graph()
>>> G.add_node("a", label="Russia", type="State")
>>> G.add_node("b", label="SCO", type="InternationalOrganization")
>>> G.add_edge("a", "b")
>>> buf = io.BytesIO()
>>> draw_view(G, buf, fmt="svg", title="membership")
>>> buf.getvalue()[:5], b"Russia" in buf.getvalue()
(b'<?xml', True)
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, BinaryIO

from .errors import FormatError, KGError

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

__all__ = ["draw_view", "layout", "TYPE_COLORS", "type_color"]

#: node colour of each class (local name); other classes are grey
TYPE_COLORS = {
    "State": "#4C72B0", "InternationalOrganization": "#DD8452", "Organization": "#C44E52",
    "Organ": "#E6A0A0", "Person": "#55A868", "Summit": "#8172B3", "Meeting": "#A99BD6",
    "BilateralMeeting": "#B8A9E6", "Visit": "#64B5CD", "Event": "#8172B3", "City": "#937860",
    "Region": "#B59C83", "Place": "#937860", "Agreement": "#DA8BC3", "Declaration": "#E8A7D4",
    "AgreementPackage": "#C46FAE", "Article": "#8C8C8C", "Evidence": "#CCB974",
}
_OTHER = "#BBBBBB"
_MAX_LABELS = 60


def type_color(kind: str | None) -> str:
    """The colour of class ``kind`` (``#BBBBBB`` for unknown classes).

    >>> type_color("State"), type_color(None)
    ('#4C72B0', '#BBBBBB')
    """
    return TYPE_COLORS.get(kind or "", _OTHER)


def layout(G: "nx.Graph", *, seed: int = 7) -> dict[Any, tuple[float, float]]:
    """Seeded positions in [-1, 1] for the nodes of ``G`` (spring layout, per component).

    Components are laid out side by side, largest first, so small islands do
    not collapse onto the big one.
    """
    import networkx as nx

    if G.number_of_nodes() == 0:
        return {}
    U = nx.Graph()
    U.add_nodes_from(G.nodes)
    for u, v, *rest in G.edges(data="weight", default=1):
        w = float(rest[0] or 1)
        if U.has_edge(u, v):
            U[u][v]["weight"] += w
        else:
            U.add_edge(u, v, weight=w)
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(U)),
                   key=lambda c: (-len(c), str(c[0])))
    pos: dict[Any, tuple[float, float]] = {}
    big = [c for c in comps if len(c) > 1]
    singles = [c[0] for c in comps if len(c) == 1]
    # shelf packing: components side by side (largest first), each scaled by its size
    row_limit = 4.4
    x = y = row_h = 0.0
    for comp in big:
        sub = U.subgraph(comp)
        n = len(comp)
        try:
            p = nx.spring_layout(sub, seed=seed, k=2.4 / math.sqrt(n), iterations=300,
                                 weight=None)
        except ImportError:  # large graphs need scipy for the sparse spring layout
            p = nx.circular_layout(sub)
        size = 2.0 * max(0.3, math.sqrt(n / len(big[0])))
        if x > 0 and x + size > row_limit:
            x, y, row_h = 0.0, y - row_h - 0.3, 0.0
        for node, (px, py) in p.items():
            pos[node] = (x + (px + 1) * size / 2, y - (1 - py) * size / 2)
        x += size + 0.3
        row_h = max(row_h, size)
    if singles:
        top = (min((py for _, py in pos.values()), default=0.0) - 0.5) if pos else 0.0
        width = max((px for px, _ in pos.values()), default=2.0) if pos else 2.0
        per_row = max(3, min(len(singles), int(max(width, 2.0) / 0.45)))
        for j, node in enumerate(singles):
            pos[node] = ((j % per_row) * 0.45, top - (j // per_row) * 0.3)
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    # the longer side spans [-1, 1]; the other keeps the drawing's proportions
    return {n: (2 * (x - cx) / span, 2 * (y - cy) / span) for n, (x, y) in pos.items()}


def _label_nodes(G: "nx.Graph") -> set:
    if G.number_of_nodes() <= _MAX_LABELS:
        return set(G.nodes)
    ranked = sorted(G.nodes, key=lambda n: (-G.degree(n), str(n)))
    return set(ranked[:_MAX_LABELS])


def _title(G: "nx.Graph", title: str | None) -> str:
    view = title or G.graph.get("view") or "view"
    n, m = G.number_of_nodes(), G.number_of_edges()
    return f"{view}: {n} node{'s' * (n != 1)}, {m} edge{'s' * (m != 1)}"


def draw_view(G: "nx.Graph", dest: BinaryIO, *, fmt: str = "png", title: str | None = None,
              seed: int = 7) -> None:
    """Draw ``G`` into ``dest`` as ``png`` or ``svg``.

    Node attributes used: ``label`` (else the node id), ``type`` (colour);
    edge attributes: ``weight`` (line width), and for directed views the edge
    key or ``predicate`` (written on the edge when there are few edges). Only
    the best-connected 60 nodes are labelled on larger views.

    Raises
    ------
    FormatError
        Another format.
    KGError
        matplotlib is not installed.
    """
    if fmt not in ("png", "svg"):
        raise FormatError(f"cannot draw a view as {fmt!r} (use png or svg)")
    try:
        import matplotlib
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.collections import LineCollection
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D
    except ImportError as err:
        raise KGError("drawing a view needs matplotlib: pip install 'diplokg[viz]'") from err

    n = G.number_of_nodes()
    pos = layout(G, seed=seed)
    xs = [x for x, _ in pos.values()] or [0.0]
    ys = [y for _, y in pos.values()] or [0.0]
    aspect = min(1.1, max(0.5, (max(ys) - min(ys) + 0.4) / (max(xs) - min(xs) + 0.4)))
    side = min(20.0, 10.0 + 0.1 * n)
    fig = Figure(figsize=(side, side * aspect), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.0, 0.0, 1.0, 0.94))
    ax.set_axis_off()
    fig.suptitle(_title(G, title), x=0.02, y=0.985, ha="left", fontsize=15)
    degrees = dict(G.degree())

    # edges
    segments, widths = [], []
    weights = [float(w or 1) for *_, w in G.edges(data="weight", default=1)]
    top = max(weights, default=1.0)
    for (u, v, w) in G.edges(data="weight", default=1):
        segments.append((pos[u], pos[v]))
        widths.append(0.8 + 3.2 * (float(w or 1) / top if top > 1 else 0.3))
    ax.add_collection(LineCollection(segments, colors="#9AA5B1", linewidths=widths, alpha=0.6,
                                     zorder=1))
    if G.is_directed() and G.number_of_edges() <= 80:
        edges = G.edges(keys=True, data=True) if G.is_multigraph() else \
            ((u, v, None, d) for u, v, d in G.edges(data=True))
        for u, v, key, data in edges:
            (x0, y0), (x1, y1) = pos[u], pos[v]
            ax.annotate("", xy=(x0 + 0.82 * (x1 - x0), y0 + 0.82 * (y1 - y0)),
                        xytext=(x0 + 0.6 * (x1 - x0), y0 + 0.6 * (y1 - y0)),
                        arrowprops={"arrowstyle": "-|>", "color": "#7B8794", "lw": 0.8},
                        zorder=2)
            name = key if isinstance(key, str) else data.get("predicate")
            if name and G.number_of_edges() <= 40:
                ax.text((x0 + x1) / 2, (y0 + y1) / 2, str(name).split(":")[-1], fontsize=7,
                        color="#52606D", ha="center", va="center", zorder=3,
                        bbox={"boxstyle": "round,pad=0.1", "facecolor": "white",
                              "edgecolor": "none", "alpha": 0.6})

    # nodes, one scatter per type (for the legend)
    groups: dict[str, list] = {}
    for node, kind in G.nodes(data="type"):
        groups.setdefault(kind or "other", []).append(node)
    handles = []
    big = max(degrees.values(), default=1) or 1
    for kind in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        nodes = groups[kind]
        sizes = [120 + 900 * math.sqrt(degrees[x] / big) for x in nodes]
        color = type_color(kind if kind != "other" else None)
        ax.scatter([pos[x][0] for x in nodes], [pos[x][1] for x in nodes], s=sizes, c=color,
                   edgecolors="white", linewidths=1.2, zorder=4)
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=10,
                              markerfacecolor=color, markeredgecolor="white",
                              label=f"{kind} ({len(nodes)})"))
    fontsize = 11 if n <= 25 else 9 if n <= 60 else 8
    hub = max(degrees.values(), default=0)
    for node in sorted(_label_nodes(G), key=str):
        label = G.nodes[node].get("label") or str(node).rsplit("/", 1)[-1]
        x, y = pos[node]
        strong = degrees[node] >= max(3, hub * 0.5)
        ax.text(x, y + 0.035 + 0.02 * math.sqrt(degrees[node] / big),
                label if len(label) <= 40 else label[:39] + "\u2026",
                fontsize=fontsize + (1 if strong else 0), ha="center", va="bottom", zorder=5,
                color="#1F2933", fontweight="bold" if strong else "normal",
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none",
                      "alpha": 0.75})
    if handles:
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 0.94),
                   frameon=False, fontsize=11, title="type", title_fontsize=12,
                   alignment="left")
    ax.set_xlim(min(xs) - 0.15, max(xs) + 0.15)
    ax.set_ylim(min(ys) - 0.12, max(ys) + 0.2)
    options = {"bbox_inches": "tight", "pad_inches": 0.25, "facecolor": "white"}
    if fmt == "svg":
        with matplotlib.rc_context({"svg.hashsalt": "diplokg", "svg.fonttype": "none"}):
            fig.savefig(dest, format="svg", metadata={"Date": None}, **options)
    else:
        fig.savefig(dest, format="png", metadata={"Software": None}, **options)
