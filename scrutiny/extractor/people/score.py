"""B-cubed scoring of people clusters against a gold file's ``people`` lists (surface forms)."""

from __future__ import annotations

from dataclasses import dataclass, field

from scrutiny.extractor.textutil import normalise


@dataclass
class ClusterScore:
    precision: float
    recall: float
    f1: float
    items: int  # gold surface forms found in the prediction and scored
    gold_items: int
    false_merges: list[list[str]] = field(default_factory=list)  # gold names put in one predicted cluster
    splits: list[list[str]] = field(default_factory=list)  # gold people spread over several clusters


def clusters_from_people(people) -> dict[str, list[str]]:
    """{person id or name: aliases} from Person records or gold dicts."""
    out: dict[str, list[str]] = {}
    for p in people:
        p = p if isinstance(p, dict) else p.model_dump()
        out[p.get("id") or p["name"]] = list(p.get("aliases") or [p["name"]])
    return out


def bcubed(predicted: dict[str, list[str]], gold: dict[str, list[str]]) -> ClusterScore:
    """B-cubed precision/recall over the gold surface forms that the prediction contains.

    Surface forms are compared after normalisation (case-folded, trailing punctuation dropped).
    """
    gold_of = {normalise(a): g for g, aliases in gold.items() for a in aliases}
    pred_of: dict[str, str] = {}
    for p, aliases in predicted.items():
        for a in aliases:
            pred_of.setdefault(normalise(a), p)
    items = sorted(k for k in gold_of if k in pred_of)
    if not items:
        return ClusterScore(0.0, 0.0, 0.0, 0, len(gold_of))
    precision = recall = 0.0
    for i in items:
        same_pred = {j for j in items if pred_of[j] == pred_of[i]}
        same_gold = {j for j in items if gold_of[j] == gold_of[i]}
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    p, r = precision / len(items), recall / len(items)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return ClusterScore(round(p, 4), round(r, 4), round(f1, 4), len(items), len(gold_of), _merges(items, pred_of, gold_of), _splits(items, pred_of, gold_of))


def _merges(items, pred_of, gold_of) -> list[list[str]]:
    by_pred: dict[str, set[str]] = {}
    for i in items:
        by_pred.setdefault(pred_of[i], set()).add(gold_of[i])
    return [sorted(g) for _, g in sorted(by_pred.items()) if len(g) > 1]


def _splits(items, pred_of, gold_of) -> list[list[str]]:
    by_gold: dict[str, dict[str, list[str]]] = {}
    for i in items:
        by_gold.setdefault(gold_of[i], {}).setdefault(pred_of[i], []).append(i)
    return [[g] + [" | ".join(v) for v in parts.values()] for g, parts in sorted(by_gold.items()) if len(parts) > 1]
