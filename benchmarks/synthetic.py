"""A synthetic vault for benchmarks: Annotator notes with realistic clinical quotes, comments
and tags, written the way the plugin writes them. Deterministic for a given seed."""

from __future__ import annotations

import json
import random
from pathlib import Path

DRUGS = ["daratumumab", "isatuximab", "carfilzomib", "bortezomib", "lenalidomide", "pomalidomide",
         "dexamethasone", "elotuzumab", "ixazomib", "selinexor", "teclistamab", "venetoclax"]
TRIALS = ["IKEMA", "CANDOR", "ICARIA-MM", "CASTOR", "POLLUX", "MAIA", "ALCYONE", "APOLLO", "ENDEAVOR"]
LESIONS = ["t(4;14)", "del(17p)", "t(14;16)", "gain(1q21)", "t(11;14)"]
OPENERS = ["In the phase 3 {trial} trial,", "Compared with {trial},", "Patients with {lesion}",
           "The addition of {drug} to {drug2}", "Across subgroups,", "At a median follow-up of {n} months,"]
MIDDLES = ["progression-free survival improved (HR: 0.{hr}; 95% CI: 0.{lo}–0.{hi})",
           "the overall response rate was {pct}% versus {pct2}%", "minimal residual disease negativity was higher",
           "grade ≥3 infusion reactions occurred in {pct}% of patients", "the benefit was less pronounced",
           "treatment was discontinued for adverse events in {pct}%"]
CLOSERS = ["compared with the control arm.", "although numbers were small.", "which supports its use in relapsed disease.",
           "as reported at the interim analysis.", "in patients with high-risk cytogenetics."]
COMMENTS = ["Remember: {drug} is an anti-CD38 antibody.", "Q: What did {trial} compare?\nA: {drug} plus {drug2}",
            "Check the **subgroup** table.\nThe CI crosses 1 for {lesion}.", "", "", "See [[{trial} summary]].",
            "Why was the effect smaller here?", "Key number: {pct}%"]
TAGS = [(), (), ("myeloma/high-risk",), ("to review",), ("myeloma", "trials")]


def sentence(rng: random.Random) -> str:
    fill = dict(trial=rng.choice(TRIALS), lesion=rng.choice(LESIONS), drug=rng.choice(DRUGS),
                drug2=rng.choice(DRUGS), n=rng.randint(6, 60), hr=rng.randint(30, 95), lo=rng.randint(10, 40),
                hi=rng.randint(50, 99), pct=rng.randint(5, 90), pct2=rng.randint(5, 90))
    return " ".join(part.format(**fill) for part in (rng.choice(OPENERS), rng.choice(MIDDLES), rng.choice(CLOSERS)))


def block(rng: random.Random, block_id: str, title: str, uri: str) -> str:
    exact = sentence(rng)
    prefix, suffix = sentence(rng)[-32:], sentence(rng)[:32]
    fill = dict(trial=rng.choice(TRIALS), lesion=rng.choice(LESIONS), drug=rng.choice(DRUGS),
                drug2=rng.choice(DRUGS), pct=rng.randint(5, 90))
    comment = rng.choice(COMMENTS).format(**fill)
    tags = rng.choice(TAGS)
    data = {"created": "2024-05-01T10:00:00.000Z", **({"text": comment} if comment else {}),
            "updated": "2024-05-01T10:00:00.000Z", "document": {"title": title}, "uri": uri,
            "target": [{"source": uri, "selector": [
                {"type": "TextPositionSelector", "start": 100, "end": 100 + len(exact)},
                {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}]}]}
    lines = ["%%", "```annotation-json", json.dumps(data, separators=(",", ":")), "```", "%%",
             f"*%%PREFIX%%{prefix.strip()}%%HIGHLIGHT%% =={exact.strip()}== %%POSTFIX%%{suffix.strip()}*",
             f"%%LINK%%[[#^{block_id}|show annotation]]", "%%COMMENT%%", *comment.split("\n"), "%%TAGS%%",
             ", ".join("#" + t for t in tags)]
    return "\n" + "\n".join(">" + line for line in lines) + f"\n^{block_id}\n"


def write_vault(root: Path, files: int, per_file: int, seed: int = 1) -> Path:
    """`files` notes of `per_file` annotations each under `root`; returns `root`."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    for f in range(files):
        title = f"Paper {f}: {rng.choice(DRUGS).capitalize()} in relapsed myeloma"
        target = f"papers/Journal - {2010 + f % 15} - Author{f} - Paper {f}.pdf"
        uri = f"vault:/{target}"
        blocks = [block(rng, f"b{f}x{i}", title, uri) for i in range(per_file)]
        (root / f"paper-{f:04d}.md").write_text(f"---\nannotation-target: {target}\n---\n" + "\n".join(blocks),
                                                encoding="utf-8")
    return root
