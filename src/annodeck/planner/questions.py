"""Finding the question a comment asks: `Q:`/`A:` lines, or a comment that is just one question.

A question somewhere inside a longer comment (a reader thinking aloud, "…make us great again?")
is part of the comment, not a card: the highlight stays a cloze, with the comment on its back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_Q = re.compile(r"^\s*Q\s*[:：]\s?(.*)$", re.IGNORECASE)
_A = re.compile(r"^\s*A\s*[:：]\s?(.*)$", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)")
#: a comment holding none of these asks no question
_QUESTION_MARKS = ("?", "？", ":", "：")


@dataclass(frozen=True)
class Question:
    question: str  # markdown
    answer: str  # markdown, "" when the comment gives none
    rest: str  # the rest of the comment, markdown


def find_question(comment: str) -> Question | None:
    if not any(mark in comment for mark in _QUESTION_MARKS):
        return None  # (most comments: neither a Q: line nor a question mark)
    lines = comment.split("\n")
    return _from_q_and_a(lines) or _from_question_mark(lines)


def _from_q_and_a(lines: list[str]) -> Question | None:
    start = next((i for i, line in enumerate(lines) if _Q.match(line)), None)
    if start is None:
        return None
    question = [_Q.match(lines[start]).group(1)]
    i = start + 1
    # the question runs to its A: line or a blank line; the answer runs to the next Q: or the end
    while i < len(lines) and lines[i].strip() and not _A.match(lines[i]) and not _Q.match(lines[i]):
        question.append(lines[i])
        i += 1
    answer: list[str] = []
    end = i
    if i < len(lines) and _A.match(lines[i]):
        answer.append(_A.match(lines[i]).group(1))
        end = i + 1
        while end < len(lines) and not _Q.match(lines[end]):
            answer.append(lines[end])
            end += 1
    rest = lines[:start] + lines[end:]
    text = "\n".join(question).strip()
    if not text:
        return None
    return Question(text, "\n".join(answer).strip(), "\n".join(rest).strip())


#: a question longer than this is a paragraph that happens to end in a question mark
MAX_QUESTION = 300


def _from_question_mark(lines: list[str]) -> Question | None:
    """The comment, when all of it is one question: one line (or a few, with no blank line or
    code between them) whose text ends in a question mark and asks nothing else before it."""
    text = "\n".join(lines).strip()
    if not text.endswith(("?", "？")) or len(text) > MAX_QUESTION or len(text) < 2:
        return None
    if any(_FENCE.match(line) for line in lines) or "\n\n" in text:
        return None
    # a question is one sentence: no sentence ends before its question mark
    if _SENTENCE_END.search(text[:-1]):
        return None
    return Question(" ".join(line.strip() for line in text.split("\n")), "", "")


_SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)(?!$)")
