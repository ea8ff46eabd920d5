"""The engine: pure, deterministic, explained, and honest about what would change a verdict."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.advise.engine import recommend
from advisor.advise.questionnaire import normalise
from advisor.advise.scoring import RuleBook
from advisor.loading.catalog import load_catalog
from tests.conftest import examples


def answers_strategy(catalog):
    """Any subset of the questions answered with any valid choice(s)."""
    fields = {}
    for q in catalog.questions:
        ids = [c.id for c in q.choices]
        value = st.lists(st.sampled_from(ids), unique=True).map(sorted) if q.multiple else st.sampled_from(ids)
        fields[q.id] = st.one_of(st.none(), value)
    return st.fixed_dictionaries(fields).map(lambda d: {k: v for k, v in d.items() if v is not None})


def test_every_technology_and_baseline_gets_a_verdict(catalog) -> None:
    rec = recommend(catalog, {})
    ids = [t.id for t in rec.technologies]
    for required in ("serverless", "edge", "graphql", "grpc", "service-mesh", "event-sourcing"):
        assert required in ids
    assert {"rest", "containers", "no-mesh", "crud-state"} <= set(ids)
    assert rec.unanswered and rec.confidence == 0.0 and rec.confidence_label == "low"


def test_moot_questions_are_skipped_and_their_answers_ignored(catalog) -> None:
    rec = recommend(catalog, {"service_count": "one", "service_security": "mtls_required"})
    assert "service_security" in rec.skipped and "service_security" not in rec.answers
    assert "service_security" not in rec.unanswered


def test_a_veto_wins_over_any_score(catalog) -> None:
    # a global audience favours the edge, but a long task is more than its CPU limits allow
    rec = recommend(catalog, {"task_duration": "long", "user_geography": "global", "latency_target": "realtime"})
    edge = rec.technology("edge")
    assert edge.vetoed and edge.verdict == "avoid"
    assert edge.score > catalog.technologies.thresholds.avoid  # the score alone would not say avoid
    assert any(r.veto for r in edge.reasons)


def check_invariants(catalog, answers) -> None:
    rec = recommend(catalog, answers)
    assert rec.model_dump_json() == recommend(catalog, dict(answers)).model_dump_json()  # same bytes
    t = catalog.technologies.thresholds

    def verdict(score: float, vetoed: bool) -> str:
        return "avoid" if vetoed or score <= t.avoid else "recommended" if score >= t.recommended else "consider"

    for tech in rec.technologies:
        assert tech.reasons, f"{tech.id} has no reason"
        weights = {r.rule: r.weight or 0 for r in tech.reasons}
        vetoes = {r.rule for r in tech.reasons if r.veto}
        if not tech.scopes:
            assert tech.score == sum(weights.values())
            assert tech.verdict == verdict(tech.score, tech.vetoed)
        else:  # each boundary adds up its own rules; the overall verdict follows from theirs
            for s in tech.scopes:
                assert s.score == sum(weights[r] for r in s.reasons)
                assert s.verdict == verdict(s.score, bool(vetoes & set(s.reasons)))
            at = {s.verdict for s in tech.scopes}
            overall = "recommended" if "recommended" in at else "avoid" if at == {"avoid"} else "consider"
            assert tech.verdict == overall
        for flip in tech.flips[:1]:  # a flip, applied, gives the verdict it promises (both changes of a pair)
            changed = {**answers, flip.question: flip.to}
            if flip.also is not None:
                changed[flip.also.question] = flip.also.to
            assert verdict_of(catalog, changed, tech.id) == flip.verdict


def verdict_of(catalog, answers, tech: str) -> str:
    """The verdict on `tech` alone, as the engine scores it (no flips: a flip check needs no flips)."""
    book = RuleBook(catalog)
    return book.outcome(tech, book.questionnaire.counted(normalise(answers)).answers).verdict


SHIPPED = load_catalog()  # module level: hypothesis would print a fixture's (huge) repr on failure


@settings(max_examples=examples(40), deadline=None)
@given(answers=answers_strategy(SHIPPED))
def test_any_answers_give_explained_deterministic_verdicts(answers) -> None:
    check_invariants(SHIPPED, answers)


def test_flips_name_the_answer_that_moves_the_verdict(catalog) -> None:
    rec = recommend(
        catalog,
        {
            "service_count": "many",
            "service_security": "mtls_required",
            "traffic_management": "advanced",
            "ops_maturity": "high",
            "platform": "kubernetes",
        },
    )
    mesh = rec.technology("service-mesh")
    assert mesh.verdict == "recommended"
    assert any(f.question == "service_count" and f.verdict != "recommended" for f in mesh.flips)
