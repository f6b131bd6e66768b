"""The course covers every concept of the notes, in both languages, and every demo it names exists."""
import re
from pathlib import Path

import pytest

import main
import models.families  # noqa: F401  (registers the presets and datasets the demos name)
from models.course import CHAPTERS, GLOSSARY, TIMELINE, LanguageError, check_language, syllabus
from models.course.chapters import DEMO_KINDS, LAB_NAMES_ZH
from models.data import dataset_shape
from models.spec.presets import get_preset

CJK = re.compile(r"[\u4e00-\u9fff]")
CONCEPTS_MD = Path(__file__).resolve().parents[4] / "shared" / "seed" / "CONCEPTS.md"


def concept_numbers() -> set[int]:
    if CONCEPTS_MD.is_file():  # the notes' table, where the checkout has shared/ beside it
        return {int(m) for m in re.findall(r"^\| (\d+) \|", CONCEPTS_MD.read_text(encoding="utf-8"), re.M)}
    return set(range(1, 29))


def test_every_concept_of_the_notes_has_a_chapter():
    covered = {n for c in CHAPTERS for n in c.concepts}
    assert concept_numbers() <= covered and len(concept_numbers()) >= 28


def all_texts():
    for c in CHAPTERS:
        yield from (c.title, c.todo, c.notice, c.question, c.answer)
    for e in TIMELINE:
        yield from (e.title, e.sentence)
    for t in GLOSSARY:
        yield t.explanation


def test_every_text_is_written_in_both_languages():
    for text in all_texts():
        assert text.en.strip() and not CJK.search(text.en), text.en
        assert CJK.search(text.zh), text.zh


def test_every_demo_exists():
    demos = [c.demo for c in CHAPTERS] + [e.demo for e in TIMELINE if e.demo] + [t.demo for t in GLOSSARY if t.demo]
    for d in demos:
        assert d.kind in DEMO_KINDS
        if d.kind == "preset":
            preset = get_preset(d.target)
            dataset_shape(d.dataset or preset.default_dataset)  # raises for an unknown dataset
            preset.make(d.dataset or None)
        elif d.kind == "lab":
            assert d.target in LAB_NAMES_ZH, d.target  # and the GUI test checks the title against the labs


def test_timeline_runs_1943_to_2018_in_order():
    years = [e.year for e in TIMELINE]
    assert years == sorted(years) and years[0] == 1943 and years[-1] == 2018
    assert {1949, 1958, 1969, 1986, 1998, 2006, 2012, 2013, 2014} <= set(years)


def test_glossary_has_the_notes_terms_with_keras_names_in_latin():
    names = {t.zh.split("（")[0] for t in GLOSSARY}
    for term in ("感知机", "多层感知机", "激活函数", "损失函数", "梯度下降", "误差反向传播", "卷积", "池化", "感受野",
                 "正则化", "循环神经网络", "长短时记忆网络", "门控循环单元", "生成对抗网络", "条件生成对抗网络", "词向量",
                 "目标定位"):
        assert term in names, term
    assert any("Conv2D" in t.en for t in GLOSSARY) and any("LSTM" in t.en for t in GLOSSARY)


def test_languages():
    assert check_language("zh_CN.UTF-8") == "zh_CN" and check_language("en_GB") == "en" and check_language("C") == "en"
    with pytest.raises(LanguageError):
        check_language("fr")


def test_course_command_prints_the_syllabus(capsys):
    assert main.main(["course"]) == 0
    out = capsys.readouterr().out
    assert "lab: Hebb's rule" in out and "preset: shallow --dataset digit-features" in out
    assert sum(1 for line in out.splitlines() if re.match(r"\s*\d+\. ", line)) == len(CHAPTERS)
    assert main.main(["course", "--lang", "zh_CN", "--details"]) == 0
    out = capsys.readouterr().out
    assert "感受野" in out and "实验: 赫布理论" in out and "问题" in out
    assert main.main(["course", "--lang", "fr"]) == 2
    assert "zh_CN" in capsys.readouterr().err
    assert "Hebb" in syllabus("en")
