"""Table-driven cases for the built-in name finder: what is a name, of which type, linked to what."""
from __future__ import annotations

import pytest

from dateline.store.extract.naming.names import SPACY_MISSING, backend_names, find_entities
from dateline.store.extract.sentences import split_sentences


def run(text: str, **kw) -> list[dict]:
    return find_entities(text, split_sentences(text), **kw)


def by_name(text: str, **kw) -> dict[str, dict]:
    return {e["name"]: e for e in run(text, **kw)}


def surfaces(text: str) -> set[str]:
    return {m["text"] for e in run(text) for m in e["mentions"]}


@pytest.mark.parametrize("text, name, typ", [
    ("The talks were led by Chinese Vice Premier He Lifeng\u2018s delegation.", "He Lifeng", "PERSON"),
    ("Officials praised Boeing's new jet on Friday.", "Boeing", "ORG"),
    ("China\u2019s exports fell sharply.", "China", "PLACE"),
    ("Analysts at Deutsche Bank AG cut their forecast.", "Deutsche Bank AG", "ORG"),
    ("She met Kenyan officials in Nairobi.", "Nairobi", "PLACE"),
    ("Investors sold shares of Northwind Traders Inc. this week.", "Northwind Traders Inc.", "ORG"),
    ("A spokesman said Maria Gonzalez would attend.", "Maria Gonzalez", "PERSON"),
    ("Talks resumed, Okonkwo Adebayo said on Monday.", "Okonkwo Adebayo", "PERSON"),
    ("The deal was approved by the University of Chicago.", "University of Chicago", "ORG"),
    ("Prices rose in Southern California last year.", "Southern California", "PLACE"),
    ("Trade with the U.S .", "United States", "PLACE"),  # MEANTIME's rebuilt spacing
    ("Flights left Heathrow airport late.", "Heathrow", "PLACE"),
], ids=lambda v: v if isinstance(v, str) and len(v) < 25 else None)
def test_name_and_type(text: str, name: str, typ: str) -> None:
    entities = by_name(text)
    assert name in entities, entities.keys()
    assert entities[name]["type"] == typ


@pytest.mark.parametrize("text, not_names", [
    ("What Happened: The talks resumed. Why It Matters: Prices rose.", {"What Happened", "Why It Matters",
                                                                       "Happened", "Matters", "The"}),
    ("However, the plan failed. Both sides met on Tuesday in April.", {"However", "Both", "Tuesday", "April"}),
    ("Current tariffs remain high. They said it would last until May.", {"Current", "They", "May"}),
    ("In March, exports rose. On Sunday markets were shut.", {"In", "March", "On", "Sunday"}),
    ("Pre-orders opened at 9 a.m. UTC today.", {"Pre", "UTC"}),
], ids=["labels", "openers-weekday-month", "current-they-may", "dates", "prefix-timezone"])
def test_not_entities(text: str, not_names: set[str]) -> None:
    found = surfaces(text) | {e["name"] for e in run(text)}
    assert not (found & not_names)


@pytest.mark.parametrize("text, symbol, company", [
    ("Shares of General Motors Co. GM and Ford Motor Co. F, rose.", "GM", "General Motors Co."),
    ("Shares of General Motors Co. GM and Ford Motor Co. F, rose.", "F", "Ford Motor Co."),
    ("Stellantis NV STLA fell 2%.", "STLA", "Stellantis NV"),
    ("Apple Inc. (NASDAQ: AAPL) rose after the launch.", "AAPL", "Apple Inc."),
    ("Tesla Inc. (Nasdaq:TSLA) slipped.", "TSLA", "Tesla Inc."),
    ("General Motors reported profits and $GM rose.", "GM", "General Motors"),
])
def test_tickers_tie_to_their_company(text: str, symbol: str, company: str) -> None:
    entities = by_name(text)
    assert entities[company]["ticker"] == symbol
    assert entities[company]["type"] == "ORG"


def test_suffix_ticker_needs_a_corporate_suffix() -> None:
    entities = by_name("Acme Corp. I think is cheap, said Jane Doe. Widgets Inc. A new plant opened. "
                       "Apple Inc CEO Tim Cook spoke. The Fiat Group US unit grew.")
    assert all(e["ticker"] is None for e in entities.values())
    assert entities["Tim Cook"]["roles"] == ["Apple Inc CEO"]


@pytest.mark.parametrize("text, canonical, alias", [
    ("U.S. Commerce Secretary Howard Lutnick spoke. Later Lutnick said talks went well.", "Howard Lutnick", "Lutnick"),
    ("President Donald Trump called. Trump described the call as positive.", "Donald Trump", "Trump"),
    ("Exports to the U.S. fell. The United States imposed tariffs.", "United States", "U.S."),
    ("Lockheed Martin won the bid. Lockheed said it was pleased.", "Lockheed Martin", "Lockheed"),
    ("The Government Accountability Office (GAO) ruled. The GAO said so.", "Government Accountability Office", "GAO"),
    ("General Motors cut jobs. GM said sales fell.", "General Motors", "GM"),
])
def test_aliases_link_to_one_entity(text: str, canonical: str, alias: str) -> None:
    entities = by_name(text)
    assert alias in entities[canonical]["aliases"]
    assert alias not in entities


def test_surname_not_merged_with_a_different_full_name() -> None:
    entities = by_name("Donald Trump and Melania Trump arrived. Trump spoke first.")
    assert "Donald Trump" in entities and "Melania Trump" in entities
    assert "Trump" not in entities["Donald Trump"]["aliases"]
    assert "Trump" not in entities["Melania Trump"]["aliases"]
    assert entities["Trump"]["type"] == "PERSON"  # still a person, just not said which one


@pytest.mark.parametrize("text, person, role", [
    ("Talks were led by U.S. Treasury Secretary Scott Bessent on Monday.", "Scott Bessent", "U.S. Treasury Secretary"),
    ("White House economic adviser Kevin Hassett said so.", "Kevin Hassett", "White House economic adviser"),
    ("A call between President Donald Trump and Xi ended.", "Donald Trump", "President"),
    ("It met Trade Representative Jamieson Greer.", "Jamieson Greer", "Trade Representative"),
    ("Secretary of State Antony Blinken visited Kyiv.", "Antony Blinken", "Secretary of State"),
])
def test_roles_kept_with_the_mention(text: str, person: str, role: str) -> None:
    entity = by_name(text)[person]
    assert entity["type"] == "PERSON"
    assert role in entity["roles"]
    assert entity["mentions"][0]["role"] == role


def test_place_inside_a_title_is_its_own_mention() -> None:
    entities = by_name("U.S. Commerce Secretary Howard Lutnick spoke with Chinese President Xi Jinping.")
    assert entities["United States"]["mentions"][0]["text"] == "U.S."
    assert entities["Xi Jinping"]["roles"] == ["Chinese President"]


def test_a_role_never_reaches_back_over_another_persons_name() -> None:
    """Issue 16: Xi Jinping's role read "President Donald Trump and Chinese President" (the seed)."""
    entities = by_name("The talks follow a phone call between President Donald Trump and Chinese President Xi Jinping.")
    assert entities["Xi Jinping"]["roles"] == ["Chinese President"]
    assert entities["Donald Trump"]["roles"] == ["President"]
    assert by_name("Chairman and Chief Executive Officer Mary Barra spoke.")["Mary Barra"]["roles"] == [
        "Chairman and Chief Executive Officer"]
    assert by_name("Deputy Prime Minister and Finance Minister Chrystia Freeland spoke.")["Chrystia Freeland"][
        "roles"] == ["Deputy Prime Minister and Finance Minister"]


def test_known_names_are_always_found_and_typed_so() -> None:
    text = "The ledgerx protocol and Jordan Lake Partners were discussed."
    entities = by_name(text, known={"ledgerx": "ORG", "Jordan Lake": "PERSON"})
    assert entities["ledgerx"]["type"] == "ORG"
    assert entities["Jordan Lake"]["type"] == "PERSON"
    assert entities["Jordan Lake"]["mentions"][0]["start"] == text.index("Jordan Lake")


def test_a_known_name_inside_a_longer_one_types_the_longer_one() -> None:
    text = "Analyst Jordan Vale spoke. Later Vale said more."
    entities = by_name(text, known={"Vale": "ORG"})
    assert entities["Jordan Vale"]["type"] == "ORG"
    assert [m["text"] for m in entities["Vale"]["mentions"]] == ["Vale"]
    assert by_name(text, known={"Vale": "nonsense"})["Vale"]["type"] == "OTHER"


def test_backends(monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.store.extract.naming import spacy_backend

    assert backend_names()[0] == "builtin"
    with pytest.raises(ValueError):
        run("Text.", backend="nonsense")
    monkeypatch.setattr(spacy_backend, "available", lambda: False)
    assert backend_names() == ["builtin"]
    with pytest.raises(RuntimeError, match="pip install 'dateline\\[spacy\\]'"):
        run("Text.", backend="spacy")
    assert "dateline[spacy]" in SPACY_MISSING


@pytest.mark.parametrize("text, expected", [
    ("WASHINGTON (Reuters) - Officials met.", {"Washington": "PLACE", "Reuters": "ORG"}),
    ("Morgan Stanley analyst Joseph Moore raised his target.", {"Morgan Stanley": "ORG", "Joseph Moore": "PERSON"}),
    ("The Securities and Exchange Commission (SEC) and the Department of Justice declined to comment.",
     {"Securities and Exchange Commission": "ORG", "Department of Justice": "ORG"}),
    ("Bank of America and Wells Fargo fell.", {"Bank of America": "ORG", "Wells Fargo": "ORG"}),
    ("Rain hit the city of Porto Alegre on Friday.", {"Porto Alegre": "PLACE"}),
    ("Scientists in Pasadena, California, announced it.", {"Pasadena": "PLACE", "California": "PLACE"}),
    ("The bill failed in the United States Senate.", {"United States": "PLACE", "Senate": "ORG"}),
    ("Hurricane Beryl made landfall in Texas.", {"Hurricane Beryl": "EVENT", "Texas": "PLACE"}),
    ("JPMorgan Chase & Co. CEO Jamie Dimon warned.", {"JPMorgan Chase & Co.": "ORG", "Jamie Dimon": "PERSON"}),
    ("Sources said Amazon.com Inc. would cut jobs.", {"Amazon.com Inc.": "ORG"}),
    ("Die Zeit and Der Spiegel reported it.", {"Der Spiegel": "ORG"}),
])
def test_context_cues(text: str, expected: dict[str, str]) -> None:
    entities = by_name(text)
    assert {name: entities[name]["type"] for name in expected if name in entities} == expected


def test_currency_prefix_is_not_a_country() -> None:
    assert "United States" not in by_name("The contract is worth US$40 billion.")


def test_title_of_place_before_a_name() -> None:
    entities = by_name("Prime Minister of Canada Stephen Harper said the loans would help.")
    assert entities["Stephen Harper"]["roles"] == ["Prime Minister of Canada"]
    assert entities["Canada"]["type"] == "PLACE"


def test_title_case_headline_keeps_only_names_seen_elsewhere() -> None:
    text = "Nvidia Shares Surge After Record Quarter\nNvidia Corp. NVDA reported revenue of $26 billion."
    entities = by_name(text)
    assert set(entities) == {"Nvidia Corp."}
    assert entities["Nvidia Corp."]["ticker"] == "NVDA"
    assert [m["text"] for m in entities["Nvidia Corp."]["mentions"]] == ["Nvidia", "Nvidia Corp."]


@pytest.mark.parametrize("text, person, role", [
    ("Louis Gallois, the Airbus chief executive, said the cuts were needed.", "Louis Gallois",
     "Airbus chief executive"),
    ("Joe Leonard, Chairman and Chief Operating Officer of AirTran Airways.", "Joe Leonard",
     "Chairman and Chief Operating Officer of AirTran Airways"),
    ("Volkswagen AG's chief executive, Oliver Blume, said the company would invest.", "Oliver Blume",
     "Volkswagen AG's chief executive"),
])
def test_roles_written_around_the_name(text: str, person: str, role: str) -> None:
    assert by_name(text)[person]["roles"] == [role]


def test_party_tags_accents_and_team_nicknames() -> None:
    entities = by_name("Sen. Mitch McConnell, R-Ky., spoke in São Paulo and Lodz. The New York Yankees won; "
                       "Yankees fans cheered.")
    assert not {"R-Ky", "Ky"} & set(entities)
    assert entities["São Paulo"]["type"] == "PLACE"
    assert entities["Łódź"]["aliases"] == ["Lodz"]
    assert "Yankees" in entities["New York Yankees"]["aliases"]
    assert entities["New York Yankees"]["type"] == "ORG"


@pytest.mark.parametrize("text, name, typ", [
    ("Romelu Lukaku scored twice. Lukaku was happy.", "Romelu Lukaku", "PERSON"),  # surname used alone
    ("Northrop Grumman won the bid. Northrop said it was pleased.", "Northrop Grumman", "ORG"),  # first word alone
])
def test_how_a_name_is_shortened_tells_its_type(text: str, name: str, typ: str) -> None:
    entity = by_name(text)[name]
    assert entity["type"] == typ
    assert len(entity["mentions"]) == 2


def test_religious_bodies_are_organisations():
    from dateline.store.extract import extract

    text = "The Church of Scientology sued the newspaper. A spokesman for the Church of Scientology said so."
    types = {e["name"]: e["type"] for e in extract(text, None)["entities"]}
    assert types.get("Church of Scientology") == "ORG"
