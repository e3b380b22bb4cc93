"""What a pack costs to start: data read back from the cache as it was computed, spaCy loaded only
for a pack that holds minutes, and spaCy's own command line still there for whoever asks."""

import subprocess
import sys
import textwrap

from scrutiny.extractor import names


def test_given_names_cache_holds_what_the_list_gives(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    names._given_names.cache_clear()
    try:
        first = names._given_names()  # read from gender-guesser's list, then written to the cache
        assert list((tmp_path / "scrutiny").glob("given-names-*.txt"))
        names._given_names.cache_clear()
        again = names._given_names()  # read back from the cache
    finally:
        names._given_names.cache_clear()
    assert again == first
    common, english = first
    assert {"ken", "niamh", "priya", "mark"} <= common
    assert "summer" not in common and "core" not in common
    assert "mark" in english and "grace" in english


def test_given_names_without_a_writable_cache(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    names._given_names.cache_clear()
    try:
        assert names.is_given_name("Ken") and not names.is_given_name("Summer")
    finally:
        names._given_names.cache_clear()


def _modules_after_extract(path) -> set[str]:
    code = textwrap.dedent(f"""
        import sys
        import scrutiny
        result = scrutiny.extract({str(path)!r})
        print(len(result.minutes), len(result.agenda_items))
        print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] == "spacy")))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    counts, modules = done.stdout.splitlines()
    return counts, set(modules.split())


def test_an_agenda_alone_does_not_load_spacy(tmp_path):
    pack = tmp_path / "agenda.txt"
    pack.write_text("Parish Council\nAgenda for the meeting on 4 March 2025 at 7.30 pm\n"
                    "1. Apologies for absence\n2. Any other business\n", encoding="utf-8")
    counts, modules = _modules_after_extract(pack)
    assert counts == "0 2"
    assert modules == set()


def test_minutes_load_spacy_without_its_command_line(tmp_path):
    pack = tmp_path / "minutes.txt"
    pack.write_text("Minutes of the Parish Council meeting held on 4 March 2025\n"
                    "Present: Cllr A Jones (Chair), Cllr B Smith\n"
                    "1. Apologies for absence\nNone.\n2. Play area\nRESOLVED that the quote be accepted.\n",
                    encoding="utf-8")
    counts, modules = _modules_after_extract(pack)
    assert counts.split()[0] == "1"
    assert "spacy.language" in modules
    assert "spacy.cli" not in modules


def test_spacy_command_line_still_imports_after_the_pipeline():
    code = ("import scrutiny.extractor.nlp as nlp, spacy.cli, spacy; nlp.pipeline(None); "
            "print(spacy.cli.__file__); print(spacy.info()['spacy_version'])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    path, version = done.stdout.split()
    assert path.endswith("spacy/cli/__init__.py")
    assert version[0].isdigit()
