"""Measure triage on a labelled set of complaints: top-1, top-3, red-flag recall, false alarms.

The set is a TSV file: complaint, expected department code, red flag (yes/no),
and optionally sex (M/F) and age in years; `#` starts a comment line. Used by
`frontdesk triage-eval FILE`, the benchmarks and the test that keeps the
project's own set (tests/data/triage_*.tsv) above its targets.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from frontdesk.errors import ConfigError

MAX_LINE = 10_000  # characters: a complaint is a sentence, not a page
TARGETS = {"top1": 0.92, "top3": 0.98, "red_recall": 1.0, "false_red": 0.03}


@dataclass(frozen=True)
class Case:
    complaint: str
    expected: str
    red_flag: bool
    sex: str | None = None
    age: float | None = None
    line: int = 0


@dataclass
class Result:
    cases: int = 0
    top1: int = 0
    top3: int = 0
    red_cases: int = 0
    red_found: int = 0
    calm_cases: int = 0
    false_red: int = 0
    misses: list[tuple[Case, list[str], bool]] = field(default_factory=list)

    def rate(self, name: str) -> float:
        if name == "top1":
            return self.top1 / self.cases if self.cases else 0.0
        if name == "top3":
            return self.top3 / self.cases if self.cases else 0.0
        if name == "red_recall":
            return self.red_found / self.red_cases if self.red_cases else 1.0
        return self.false_red / self.calm_cases if self.calm_cases else 0.0

    def meets_targets(self) -> bool:
        return (self.rate("top1") >= TARGETS["top1"] and self.rate("top3") >= TARGETS["top3"]
                and self.rate("red_recall") >= TARGETS["red_recall"]
                and self.rate("false_red") <= TARGETS["false_red"])

    def summary(self) -> str:
        return (f"cases {self.cases} (red flags {self.red_cases}): "
                f"top-1 {self.rate('top1'):.1%}, top-3 {self.rate('top3'):.1%}, "
                f"red-flag recall {self.rate('red_recall'):.1%}, "
                f"false red flags {self.rate('false_red'):.1%}")


def read_cases(path: Path) -> list[Case]:
    """The labelled complaints of a TSV file (UTF-8, with or without BOM, or GBK).

    Anything wrong — no such file, a folder, binary content, another encoding, a line
    too long, a bad sex or age, no case at all — is a ConfigError naming the file and,
    where there is one, the line.
    """
    from frontdesk.files import read_text

    text = read_text(path, "分诊评估文件", "triage evaluation file", gbk=True)
    cases = []
    lines = text.splitlines()
    number = 0

    def bad_line(zh: str, en: str) -> ConfigError:
        return ConfigError(f"分诊评估文件 {path} 第 {number} 行格式有误：{zh}",
                           f"Line {number} of the triage evaluation file {path} is malformed: {en}")

    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE:
            raise bad_line(f"一行最多 {MAX_LINE} 个字。", f"a line has at most {MAX_LINE} characters.")
        row = next(csv.reader([line], delimiter="\t"), [])
        if not row or not row[0].strip() or row[0].lstrip().startswith("#"):
            continue
        if len(row) < 3 or row[2].strip().lower() not in ("yes", "no"):
            raise bad_line("需要 主诉、科室代码、yes/no 三列。",
                           "it needs complaint, department code and yes/no.")
        sex = row[3].strip().upper() if len(row) > 3 and row[3].strip() else None
        if sex not in (None, "M", "F"):
            raise bad_line("第 4 列性别应为 M 或 F。", "the sex in column 4 must be M or F.")
        age = None
        if len(row) > 4 and row[4].strip():
            try:
                age = float(row[4])
            except ValueError:
                age = None
            if age is None or not 0 <= age <= 150:  # also NaN
                raise bad_line("第 5 列年龄应为 0–150 的数字。",
                               "the age in column 5 must be a number from 0 to 150.")
        cases.append(Case(row[0].strip(), row[1].strip(), row[2].strip().lower() == "yes",
                          sex, age, number))
    if not cases:
        raise ConfigError(f"分诊评估文件 {path} 中没有任何病例。",
                          f"The triage evaluation file {path} holds no cases.")
    return cases


def evaluate(cases: list[Case], *, learn: bool = False) -> Result:
    """Run triage.suggest on every case (rules only unless `learn`)."""
    from frontdesk import triage
    from frontdesk.db.models import Department

    code_of = {d.id: d.code for d in Department.select()}
    result = Result()
    for case in cases:
        s = triage.suggest(case.complaint, sex=case.sex, age=case.age, learn=learn)
        ranked = [code_of[d[0]] for d in s.departments]
        result.cases += 1
        hit1 = ranked[:1] == [case.expected]
        result.top1 += hit1
        result.top3 += case.expected in ranked[:3]
        if case.red_flag:
            result.red_cases += 1
            result.red_found += s.red_flag
        else:
            result.calm_cases += 1
            result.false_red += s.red_flag
        if not hit1 or s.red_flag != case.red_flag:
            result.misses.append((case, ranked[:3], s.red_flag))
    return result
