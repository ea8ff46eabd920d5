"""Answer files: the public interface of the questionnaire, checked strictly and clearly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from advisor.advise.answers import dump_answers, dump_workload, load_answers, load_workload
from advisor.advise.priorities import weighted_concerns
from advisor.loading.problems import DataError
from advisor.models.workload import TeamDecision, Workload
from tests.conftest import write

# The ids the issue makes public: they must exist with exactly these choices.
PUBLIC = {
    "traffic_pattern": ["steady", "spiky", "scheduled"],
    "request_volume": ["low", "medium", "high"],
    "latency_target": ["relaxed", "interactive", "realtime"],
    "user_geography": ["one_region", "multi_region", "global"],
    "clients": ["browser", "mobile", "internal_services", "third_party"],
    "client_data_needs": ["uniform", "varied"],
    "data_shape": ["flat", "nested"],
    "streaming": ["none", "server_push", "bidirectional"],
    "connection_model": ["request_response", "long_lived"],
    "service_count": ["one", "few", "many"],
    "ops_maturity": ["low", "medium", "high"],
    "service_security": ["standard", "mtls_required"],
    "traffic_management": ["basic", "advanced"],
    "audit_needs": ["none", "audit_trail", "temporal_queries"],
    "task_duration": ["seconds", "minutes", "long"],
    "event_triggers": ["none", "some", "core"],
    "edge_logic": ["ab_testing", "personalization", "bot_detection", "geo_routing"],
    "payload_efficiency": ["normal", "critical"],
    "cost_priority": ["idle_cost", "cost_at_scale", "not_a_concern"],
    "platform": ["kubernetes", "containers_or_vms", "managed_cloud", "undecided"],
    "domain_complexity": ["simple_crud", "moderate", "complex"],
    "file_uploads": ["no", "yes"],
    "resource_constraints": ["normal", "constrained"],
    # added with the second edition of Advise (issue #13); public from then on
    "per_request_state": ["request_only", "replicated_reads", "central"],
    "personal_data_erasure": ["not_required", "required"],
    "collaborative_editing": ["offline", "simultaneous"],
    "team_consistency_experience": ["new", "experienced"],
    "code_needs": ["third_party_extensions", "portable_compute"],
}


def test_public_question_and_choice_ids(catalog) -> None:
    found = {q.id: [c.id for c in q.choices] for q in catalog.questions}
    for qid, choices in PUBLIC.items():
        assert found[qid] == choices, qid
    multiple = {q.id for q in catalog.questions if q.multiple}
    assert multiple == {"clients", "edge_logic", "collaborative_editing", "code_needs"}


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_a_good_file(catalog, tmp_path: Path) -> None:
    path = write(
        tmp_path / "w.yaml", "file_uploads: no\nclients: [mobile, browser]\nedge_logic: ab_testing\nstreaming: null\n"
    )
    assert load_answers(path, catalog.questions) == {
        "clients": ["browser", "mobile"],
        "edge_logic": ["ab_testing"],
        "file_uploads": "no",
    }


def problems(catalog, tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(DataError) as info:
        load_answers(write(tmp_path / "w.yaml", text), catalog.questions)
    return [str(p) for p in info.value.problems]


def test_a_retired_choice_still_loads_as_not_sure(catalog, tmp_path: Path) -> None:
    # "undecided" meant what "not sure" means; it is no longer offered, but its id stays public
    platform = next(q for q in catalog.questions if q.id == "platform")
    assert "undecided" not in [c.id for c in platform.offered]
    path = write(tmp_path / "w.yaml", "platform: undecided\nservice_count: few\n")
    assert load_answers(path, catalog.questions) == {"service_count": "few"}


def test_a_retired_choice_never_counts_nor_is_offered_as_a_flip(catalog) -> None:
    from advisor.advise.engine import recommend
    from advisor.advise.questionnaire import Questionnaire

    assert "platform" not in Questionnaire(catalog.questions).counted({"platform": "undecided"}).answers
    flips = [f for t in recommend(catalog, {}).technologies for f in t.flips if f.question == "platform"]
    assert flips and all(f.to != "undecided" for f in flips)


def test_unknown_question(catalog, tmp_path: Path) -> None:
    assert problems(catalog, tmp_path, "traffic_patern: spiky\n") == [
        "w.yaml:1:1: traffic_patern: unknown question 'traffic_patern' (did you mean 'traffic_pattern'?)"
    ]
    assert "questions: traffic_pattern, request_volume" in problems(catalog, tmp_path, "colour: red\n")[0]


def test_unknown_choice_names_the_valid_ones(catalog, tmp_path: Path) -> None:
    assert problems(catalog, tmp_path, "service_count: dozens\n") == [
        "w.yaml:1:16: service_count: 'dozens' is not a choice of 'service_count'; choices: one, few, many"
    ]
    assert problems(catalog, tmp_path, "clients: [browser, mobil]\n") == [
        "w.yaml:1:20: clients[1]: 'mobil' is not a choice of 'clients' (did you mean 'mobile'?);"
        " choices: browser, mobile, internal_services, third_party"
    ]


def test_list_for_a_single_answer(catalog, tmp_path: Path) -> None:
    assert "takes one answer, not a list" in problems(catalog, tmp_path, "service_count: [one, few]\n")[0]


def test_not_a_mapping(catalog, tmp_path: Path) -> None:
    assert "expected a mapping of question ids to choice ids" in problems(catalog, tmp_path, "- a\n")[0]


def test_dump_round_trips(catalog, tmp_path: Path) -> None:
    answers = {"clients": ["browser"], "file_uploads": "no", "service_count": "many"}
    text = dump_answers(answers, catalog.questions)
    assert yaml.safe_load(text)["answers"]["file_uploads"] == "no"
    assert load_answers(write(tmp_path / "a.yaml", text), catalog.questions) == answers


def test_choice_labels_are_spelt_as_their_ids(catalog) -> None:
    """An answers file needs the ids; the screen shows the labels: one must lead to the other
    (the label 'Personalisation' for the id 'personalization' did not)."""
    for q in catalog.questions:
        for c in q.choices:
            label = c.label.lower().replace("-", " ").replace("/", "")
            assert c.id.replace("_", " ") in label, f"{q.id}.{c.id}: {c.label!r}"


def test_the_answers_template_explains_every_question_and_loads_as_all_not_sure(catalog, tmp_path: Path) -> None:
    text = dump_answers({}, catalog.questions)
    data = yaml.safe_load(text)
    assert data["version"] == 2 and data["answers"] == {q.id: None for q in catalog.questions}
    assert data["priorities"] == {c: "normal" for c in weighted_concerns()}
    assert data["notes"] == {} and data["decisions"] == {}
    assert load_answers(write(tmp_path / "t.yaml", text), catalog.questions) == {}
    assert "Not sure: null, or leave the question out." in text
    for q in catalog.questions:
        assert f"# {q.text}" in text
        for c in q.offered:
            assert re.search(rf"^  #   {c.id} +{re.escape(c.label)}", text, re.MULTILINE), c.id
        for c in q.choices:
            if c.retired:  # still read from old files, as not sure, but never offered
                assert not re.search(rf"^  #   {c.id} ", text, re.MULTILINE), c.id
    assert "# Who calls this system? Several allowed, as a list." in text
    filled = text.replace("traffic_pattern: null", "traffic_pattern: spiky").replace(
        "clients: null", "clients: [browser, mobile]"
    )
    answers = load_answers(write(tmp_path / "f.yaml", filled), catalog.questions)
    assert answers == {"traffic_pattern": "spiky", "clients": ["browser", "mobile"]}


def test_a_version_2_file_round_trips_with_priorities_notes_and_decisions(catalog, tmp_path: Path) -> None:
    technologies = catalog.technologies.technologies
    workload = Workload(
        answers={"clients": ["browser"], "service_count": "many"},
        priorities={"cost": "high", "latency": "low"},
        notes={"service_count": 'about 40 services: "[bold]" `x` <b>', "clients": "line one\nline two"},
        decisions={
            technologies[0].id: TeamDecision(decision="accept-risk", reason="we know the cold starts"),
            technologies[1].id: TeamDecision(decision="reject"),
        },
    )
    text = dump_workload(workload, catalog.questions, technologies)
    loaded = load_workload(write(tmp_path / "w.yaml", text), catalog.questions, [t.id for t in technologies])
    assert loaded.answers == workload.answers
    assert loaded.priorities == {**{c: "normal" for c in weighted_concerns()}, "cost": "high", "latency": "low"}
    assert loaded.notes == workload.notes
    assert loaded.decisions == workload.decisions


def test_a_version_1_file_still_loads_as_the_answers(catalog, tmp_path: Path) -> None:
    loaded = load_workload(write(tmp_path / "w.yaml", "service_count: many\n"), catalog.questions)
    assert loaded == Workload(answers={"service_count": "many"})


def test_version_2_problems_name_the_line_and_field(catalog, tmp_path: Path) -> None:
    text = (
        "version: 2\n"
        "answers:\n  service_count: lots\n"
        "priorities:\n  cots: high\n  latency: extreme\n"
        "notes:\n  nope: hi\n"
        "decisions:\n  serverless: {decision: maybe}\n  nothing-here: accept\n"
        "extra: 1\n"
    )
    technologies = [t.id for t in catalog.technologies.technologies]
    with pytest.raises(DataError) as info:
        load_workload(write(tmp_path / "w.yaml", text), catalog.questions, technologies)
    found = "\n".join(str(p) for p in info.value.problems)
    assert "w.yaml:3:18: answers.service_count: 'lots' is not a choice" in found
    assert "w.yaml:5:3: priorities.cots: unknown concern 'cots' (did you mean 'cost'?)" in found
    assert "w.yaml:6:12: priorities.latency: unknown level 'extreme'; levels: low, normal, high" in found
    assert "notes.nope: a note on an unknown question 'nope'" in found
    assert "decisions.serverless.decision: decision 'maybe'; one of: accept, reject, accept-risk" in found
    assert "decisions.nothing-here: a decision on an unknown technology" in found
    assert "extra: unknown section 'extra'" in found


def test_an_unknown_version_is_refused(catalog, tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        load_workload(write(tmp_path / "w.yaml", "version: 3\n"), catalog.questions)
    assert "unknown version 3; this advisor reads 2" in str(info.value.problems[0])
