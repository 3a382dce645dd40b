#!/usr/bin/env python3
"""Writes the slow-input reproducers into this folder: each is one short
phrase repeated to about 64 KB (see ../README.md, "Slow inputs")."""
from pathlib import Path

HERE = Path(__file__).parent
SIZE = 64 * 1024 - 2
INPUTS = {
    "annotate_page-slow-reported-speech-one-sentence-64k.md": ("", "Peskov a dit que rien "),
    "annotate_page-slow-selon-one-sentence-64k.md": ("", "selon le WSJ "),
    "ingest_text-slow-figures-in-one-tag-64k.txt": ("Titre\n\n", "environ 100 militaires "),
    "ingest_text-slow-repeated-tagged-sentence-64k.txt": ("Titre\n\n", "Le Kremlin a démenti. "),
}

for name, (head, phrase) in INPUTS.items():
    body = phrase * (SIZE // len(phrase.encode()))
    (HERE / name).write_text(head + body, encoding="utf-8")
