"""Learns the line model of src/ingest/lines.rs from the table that
examples/line_data.rs writes, and writes it as data/lines.model.

    python3 examples/line_model.py TRAIN.tsv OUT.model [--cv]

--cv first reports, by cross-validation grouped by article, what the model's
overrides would change at the thresholds lines.rs uses: chrome lines set
aside and article lines lost among the lines the rules kept, article lines
put back and chrome put back among those the rules set aside for their
place. Needs scikit-learn and numpy.
"""

import sys

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import GroupKFold

SOFT = {"navigation", "outside-article", "after-article", "related-link", "widget-fragment"}
REMOVE_ABOVE = 0.95
RESTORE_BELOW = 0.05
PARAMS = dict(n_estimators=200, max_depth=4, learning_rate=0.05, min_samples_leaf=5, subsample=0.8, random_state=7)


def load(path):
    groups, labels, kinds, rows, texts = [], [], [], [], []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        nf = sum(1 for h in header if h.startswith("f") and h[1:].isdigit())
        for line in f:
            parts = line.rstrip("\n").split("\t")
            groups.append(parts[0])
            labels.append(int(parts[1]))
            kinds.append(parts[2])
            rows.append([float(x) for x in parts[3 : 3 + nf]])
            texts.append(parts[3 + nf] if len(parts) > 3 + nf else "")
    return np.array(groups), np.array(labels), np.array(kinds), np.array(rows, dtype=np.float32), texts


def overridable(kinds):
    # The model learns from the lines it may override only: those the rules
    # kept and those they set aside for their place.
    return np.array([k == "-" or k in SOFT for k in kinds])


def effect(y, kinds, p):
    kept = kinds == "-"
    soft = np.array([k in SOFT for k in kinds])
    removed = kept & (p > REMOVE_ABOVE)
    restored = soft & (p < RESTORE_BELOW)
    return {
        "chrome kept by rules": int((kept & (y == 1)).sum()),
        "  set aside by model": int((removed & (y == 1)).sum()),
        "  article lost by model": int((removed & (y == 0)).sum()),
        "article set aside by rules (soft)": int((soft & (y == 0)).sum()),
        "  put back by model": int((restored & (y == 0)).sum()),
        "  chrome put back by model": int((restored & (y == 1)).sum()),
    }


def write_model(clf, out):
    # Binary deviance: raw score = init + learning_rate * sum(tree values).
    prior = clf.init_.class_prior_[1]
    base = float(np.log(prior / (1 - prior)))
    lines = ["# Line model of src/ingest/lines.rs, made by examples/line_model.py.", f"base {base!r}"]
    for t, est in enumerate(clf.estimators_[:, 0]):
        tree = est.tree_
        # Renumber nodes in preorder so that children follow their parent.
        order, stack = [], [0]
        while stack:
            k = stack.pop()
            order.append(k)
            if tree.children_left[k] != -1:
                stack.append(tree.children_right[k])
                stack.append(tree.children_left[k])
        index = {k: i for i, k in enumerate(order)}
        for k in order:
            if tree.children_left[k] == -1:
                value = float(tree.value[k][0][0]) * clf.learning_rate
                lines.append(f"{t} {index[k]} leaf {value!r}")
            else:
                # The learner sends x <= threshold (a double) left; the
                # largest single-precision value not above it does the same
                # for single-precision features.
                th = np.float32(tree.threshold[k])
                if float(th) > tree.threshold[k]:
                    th = np.nextafter(th, np.float32(-np.inf))
                lines.append(
                    f"{t} {index[k]} {tree.feature[k]} {float(th)!r} "
                    f"{index[tree.children_left[k]]} {index[tree.children_right[k]]}"
                )
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    train, out = sys.argv[1], sys.argv[2]
    g, y, kinds, x, texts = load(train)
    keep = overridable(kinds)
    g, y, kinds, x = g[keep], y[keep], kinds[keep], x[keep]
    texts = [t for t, k in zip(texts, keep) if k]
    if "--cv" in sys.argv:
        p = np.zeros(len(y))
        for tr, te in GroupKFold(n_splits=5).split(x, y, g):
            clf = GradientBoostingClassifier(**PARAMS).fit(x[tr], y[tr])
            p[te] = clf.predict_proba(x[te])[:, 1]
        for k, v in effect(y, kinds, p).items():
            print(f"{k:40} {v}")
        if "--show" in sys.argv:
            for i in np.argsort(-p):
                if kinds[i] == "-" and p[i] > REMOVE_ABOVE or kinds[i] in SOFT and p[i] < RESTORE_BELOW:
                    print(f"{p[i]:.3f} label={y[i]} {kinds[i]:16} {g[i].split('/')[-1][:28]:28} {texts[i][:70]}")
    clf = GradientBoostingClassifier(**PARAMS).fit(x, y)
    write_model(clf, out)
    print(f"wrote {out}: {len(clf.estimators_)} trees")


if __name__ == "__main__":
    main()
