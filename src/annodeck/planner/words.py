"""How common a word is, in the language a text is written in: wordfreq's lists.

The planner asks two things of a word: is it a word at all (to split words that PDF extraction
glued together, and to complete cut ones), and how rare is it (rare content words are what a
reader of a text most needs to recall). Both come from wordfreq's frequency lists, read straight
from the files wordfreq ships (one list per language, loaded the first time that language is
met), so that planning never pays for wordfreq's tokenizers and their imports. A test holds the
numbers to `wordfreq.zipf_frequency`.

Which language a text is in is told by its function words (`data/function_words.txt`) for
languages written with spaces, and by its script for the others.
"""

from __future__ import annotations

import gzip
import importlib.util
import os
import re
from functools import lru_cache
from importlib import resources

#: wordfreq's languages whose words are separated by spaces, and that annodeck can tell apart
#: by their function words
SPACED = ("en", "es", "fr", "de", "pt", "it", "nl", "sv", "nb", "da", "fi", "hu", "pl", "cs", "ro",
          "tr", "vi", "id", "ca")

#: a word, as the planner counts words: letters and digits, with inner apostrophes and hyphens
WORD = re.compile(r"[^\W_](?:[^\W_]|['’-](?=[^\W_]))*")


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    text = resources.files("annodeck.data").joinpath("function_words.txt").read_text(encoding="utf-8")
    words = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            code, _, listed = line.partition(":")
            words[code.strip()] = frozenset(listed.split())
    return words


def language(text: str, default: str | None = "en") -> str | None:
    """The language a text is most likely written in, as a wordfreq code; `default` when the
    text is in a spaced script but holds no function word of any language; None for a text in a
    script written without spaces (Chinese, Japanese, Thai) or in one annodeck does not judge."""
    script = _script(text)
    if script != "latin":
        return script
    tokens = [t.lower() for t in WORD.findall(text)]
    if not tokens:
        return default
    best, best_count = default, 0
    for code, listed in function_words().items():
        count = sum(1 for t in tokens if t in listed)
        if count > best_count:
            best, best_count = code, count
    return best


def _script(text: str) -> str | None:
    """"latin" for text in Latin letters (or none at all), a language code for the one other
    script wordfreq lists words of by spaces (Korean, Russian, Greek), else None."""
    letters = cjk = hangul = cyrillic = greek = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        code = ord(ch)
        if code < 0x0250 or 0x1E00 <= code < 0x1F00:
            continue
        if 0x3040 <= code < 0x30FF or 0x4E00 <= code < 0xA000 or 0x3400 <= code < 0x4DC0 or 0xF900 <= code < 0xFB00:
            cjk += 1
        elif 0xAC00 <= code < 0xD7B0 or 0x1100 <= code < 0x1200:
            hangul += 1
        elif 0x0400 <= code < 0x0530:
            cyrillic += 1
        elif 0x0370 <= code < 0x0400 or 0x1F00 <= code < 0x2000:
            greek += 1
    if letters == 0:
        return "latin"
    other = max((cjk, None), (hangul, "ko"), (cyrillic, "ru"), (greek, "el"), key=lambda x: x[0])
    if other[0] * 2 <= letters:
        return "latin"
    return other[1]


def zipf(word: str, lang: str | None) -> float:
    """The word's frequency on the Zipf scale (log10 of uses per billion words: "the" is 7.7, a
    word seen once in a million words 3.0), or 0.0 for a word the list does not hold."""
    if lang is None:
        return 0.0
    return frequencies(lang).get(_looked_up(word), 0) / 100


def is_word(word: str, lang: str | None) -> bool:
    return lang is not None and _looked_up(word) in frequencies(lang)


def _looked_up(word: str) -> str:
    # as wordfreq looks a word up: without case, with a typographic apostrophe made plain
    word = word.casefold()
    return word.replace("’", "'") if "’" in word else word


@lru_cache(maxsize=None)
def frequencies(lang: str) -> dict[str, int]:
    """Every word of wordfreq's largest list for `lang`, with its Zipf frequency × 100; empty
    for a language wordfreq has no list of."""
    data = _wordlist(lang)
    if data is None:
        return {}
    import msgpack

    buckets = msgpack.unpackb(data, raw=False)
    table: dict[str, int] = {}
    # bucket i holds the words whose frequency is -i centibels: Zipf 9 - i/100
    for i, bucket in enumerate(buckets[1:]):
        value = 900 - i
        for word in bucket:
            table[word] = value
    return table


def _wordlist(lang: str) -> bytes | None:
    spec = importlib.util.find_spec("wordfreq")  # (finds the package without importing it)
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = os.path.join(spec.submodule_search_locations[0], "data")
    for size in ("large", "small"):
        path = os.path.join(folder, f"{size}_{lang}.msgpack.gz")
        if os.path.exists(path):
            with gzip.open(path) as file:
                return file.read()
    return None
