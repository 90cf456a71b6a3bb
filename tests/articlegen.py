"""Small, varied diplomacy articles from templates, for ingest tests and benchmarks.

``make_articles(n, seed)`` gives ``n`` ``(article_id, text)`` pairs (first line
the headline); the same arguments give the same texts.
"""
from __future__ import annotations

import random
from pathlib import Path

__all__ = ["make_articles", "write_articles", "LEADERS", "ORGS"]

LEADERS = [("Russia", "Russian", "President", "Vladimir Putin"),
           ("China", "Chinese", "President", "Xi Jinping"),
           ("India", "Indian", "Prime Minister", "Narendra Modi"),
           ("Kazakhstan", "Kazakh", "President", "Kassym-Jomart Tokayev"),
           ("Brazil", "Brazilian", "President", "Luiz Inacio Lula da Silva"),
           ("Turkey", "Turkish", "President", "Recep Tayyip Erdogan"),
           ("Pakistan", "Pakistani", "Prime Minister", "Shehbaz Sharif"),
           ("Uzbekistan", "Uzbek", "President", "Shavkat Mirziyoyev"),
           ("France", "French", "President", "Emmanuel Macron"),
           ("Germany", "German", "Chancellor", "Olaf Scholz"),
           ("Japan", "Japanese", "Prime Minister", "Fumio Kishida"),
           ("Egypt", "Egyptian", "President", "Abdel Fattah el-Sisi")]
ORGS = ["SCO", "BRICS", "G20", "ASEAN", "NATO", "the African Union", "the European Union"]
CITIES = [("Astana", "Kazakhstan"), ("Kazan", "Russia"), ("New Delhi", "India"),
          ("Beijing", "China"), ("Cairo", "Egypt"), ("Paris", "France"), ("Tokyo", "Japan"),
          ("Ankara", "Turkey"), ("Tashkent", "Uzbekistan"), ("Berlin", "Germany")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TOPICS = ["trade", "energy", "security", "transport", "climate", "education", "health"]

TEMPLATES = [
    "{T1} {N1} met {D2} {T2} {N2} in {city} on {month} {day}, {year}. The two leaders discussed "
    "{topic} cooperation and signed an agreement on {topic2}.",
    "{S1} and {S2} are members of {org}. {T1} {N1} said that {org} would hold its next summit in "
    "{city} in {month} {year}.",
    "The {org} summit opened in {city} on {month} {day}, {year}. {T1} {N1} and {T2} {N2} attended "
    "the summit, which adopted a declaration on {topic}.",
    "{T2} {N2} arrived in {city} on a state visit on {month} {day}, {year}. {S1} and {S2} signed "
    "{count} documents on {topic} and {topic2}.",
]


def make_articles(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` articles as ``(id, text)``; two to four sentences each."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        (s1, d1, t1, n1), (s2, d2, t2, n2) = rnd.sample(LEADERS, 2)
        city, _ = rnd.choice(CITIES)
        fields = dict(S1=s1, D1=d1, T1=t1, N1=n1, S2=s2, D2=d2, T2=t2, N2=n2, city=city, org=rnd.choice(ORGS), month=rnd.choice(MONTHS),
                      day=rnd.randint(1, 28), year=rnd.randint(2019, 2025),
                      topic=rnd.choice(TOPICS), topic2=rnd.choice(TOPICS),
                      count=rnd.randint(2, 30))
        body = " ".join(t.format(**fields) for t in rnd.sample(TEMPLATES, rnd.randint(2, 4)))
        body = body.replace(f"{t1} {n1}", f"{d1} {t1} {n1}", 1)  # "Russian President ..." once
        headline = f"{n1} and {n2} meet in {city}"
        out.append((f"art-{i:04d}", f"{headline}\n\n{body}\n"))
    return out


def write_articles(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``make_articles(n, seed)`` as ``folder/<id>.txt``; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for aid, text in make_articles(n, seed):
        p = folder / f"{aid}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths
