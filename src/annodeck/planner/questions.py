"""Finding the question a comment asks: `Q:`/`A:` lines, or else a line that ends in `?`."""

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


def _from_question_mark(lines: list[str]) -> Question | None:
    in_code = False
    for i, line in enumerate(lines):
        if _FENCE.match(line):
            in_code = not in_code
        elif not in_code and line.rstrip().endswith(("?", "？")) and len(line.strip()) > 1:
            rest = "\n".join(lines[:i] + lines[i + 1 :]).strip()
            return Question(line.strip(), "", rest)
    return None
