"""Searching the guide by words (what the command palette offers)."""

from __future__ import annotations

from advisor.learn.search import entries, search


def titles(catalog, query: str) -> list[str]:
    return [f.entry.target for f in search(entries(catalog), query)]


def test_words_in_a_title_find_it_first(catalog) -> None:
    assert titles(catalog, "cold start")[0] == "item:serverless-cold-start"


def test_words_in_the_body_find_it_too(catalog) -> None:
    found = titles(catalog, "dataloader")
    assert "item:graphql-n-plus-one-dataloader" in found


def test_every_word_must_match_and_order_does_not_matter(catalog) -> None:
    assert titles(catalog, "quiz grpc") == titles(catalog, "grpc quiz") == ["quiz:grpc"]
    assert titles(catalog, "cold start zzzz") == []
    assert titles(catalog, "   ") == []


def test_every_kind_can_be_found(catalog) -> None:
    kinds = {e.target.split(":")[0] for e in entries(catalog)}
    assert kinds == {"section", "item", "quiz"}
    every = entries(catalog)
    assert all(catalog.place(e.target.removeprefix("item:")) for e in every if e.target.startswith("item:"))
