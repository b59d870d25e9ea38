"""Name-shape knowledge for the built-in name finder: products, events, numbers and abbreviations in names.

General knowledge, written by hand; read through ``store.extract.gazetteer`` (``gz.EVENT_TAILS`` ...).
"""
from __future__ import annotations


def _split(block: str) -> list[str]:
    return [w.strip() for w in block.replace("\n", "|").split("|") if w.strip()]


# last words of a named event: "World Cup", "Paris Air Show", "Summer Olympics", "Cold War"
EVENT_TAILS = frozenset(_split("""
Cup|Olympic Games|Commonwealth Games|Asian Games|Winter Games|Summer Games|Invictus Games|Olympics|Paralympics
Championship|Championships|Grand Prix|Air Show|Airshow|Expo|Festival|Summit
Conference|Marathon|Super Bowl|World Series|Fashion Week|War|World War|Revolution|Open|Masters|Derby|Regatta
Tour de France|Giro d'Italia|Vuelta|Eurovision|Oscars|Grammys|Emmys|Biennale|Jubilee|Hajj|Ramadan|Diwali
"""))
# products and public programmes named without a number
KNOWN_PRODUCTS = frozenset(_split("""
Medicaid|Medicare|Obamacare|Dreamliner|Concorde|Starlink|ChatGPT|Copilot|Android|iOS|macOS|Windows|PlayStation
Xbox|Kindle|Prius|Autopilot|Mac|MacBook|MacBook Air|MacBook Pro|Mac OS X|Walkman|Viagra|Ozempic
Wegovy|Humira|Keytruda|Comirnaty|Bitcoin|Linux|Firefox|Chrome|Safari|Photoshop|Boeing 737 MAX
"""))
# words that make "<maker> <words>" a division or programme, not the maker itself (lower case)
DIVISION_WORDS = frozenset(_split("""
commercial|defence|defense|space|helicopters|innovative|advanced|concepts|research|capital|financial|finance|credit
digital|cloud|health|healthcare|ventures|labs|studios|pictures|music|games|mobility|foundation|institute|center
centre|aviation|security|services|division|unit|subsidiary|arm|europe|asia|america|americas|international|global
"""))
# words before a number in a name that is no product: "Axiom Mission 4", "Article 50", "Route 66"
NON_PRODUCT_HEADS = frozenset(_split("""
Mission|Complex|Apollo|Artemis|Gemini|Soyuz|Shenzhou|Flight|Route|Interstate|Highway|Article|Chapter|Section|Title
Proposition|Measure|Level|Phase|Gate|Terminal|Pier|Channel|Pad|Block|Ligue|Serie|Division|League|Formula|Bundesliga
"""))


# postal-style abbreviations of U.S. states and Canadian provinces written in news ("Sacramento, Calif.")
STATE_ABBREVIATIONS = dict(item.split("=") for item in _split("""
Ala.=Alabama|Ariz.=Arizona|Ark.=Arkansas|Calif.=California|Colo.=Colorado|Conn.=Connecticut|Del.=Delaware
Fla.=Florida|Ga.=Georgia|Ill.=Illinois|Ind.=Indiana|Kan.=Kansas|Kans.=Kansas|Ky.=Kentucky|La.=Louisiana
Md.=Maryland|Mass.=Massachusetts|Mich.=Michigan|Minn.=Minnesota|Miss.=Mississippi|Mo.=Missouri|Mont.=Montana
Neb.=Nebraska|Nev.=Nevada|Okla.=Oklahoma|Ore.=Oregon|Pa.=Pennsylvania|Penn.=Pennsylvania|Tenn.=Tennessee
Tex.=Texas|Vt.=Vermont|Va.=Virginia|Wash.=Washington State|Wis.=Wisconsin|Wyo.=Wyoming|Alta.=Alberta
Ont.=Ontario|Que.=Quebec
"""))
# brands written with a possessive: the "'s" belongs to the name
POSSESSIVE_BRANDS = frozenset(_split("""
McDonald's|Moody's|Macy's|Kellogg's|Sainsbury's|Domino's|Wendy's|Lowe's|Kohl's|Denny's|Dillard's|Sotheby's
Christie's|Lloyd's|Hershey's|Applebee's|Claire's|Jerry's|Joe's|Dick's|Chili's|Arby's|John's|Levi's|Harrods's
Nathan's|Carl's|Friendly's|Sam's|Land's|Lands'|Ocean's|Hardee's|Culver's|Popeyes's|Dunkin's|Morrison's|Casey's
"""))
# report words, units and abbreviations that are never a name on their own
NOT_NAME_ABBREVIATIONS = frozenset(_split("""
FY|EPS|EBITDA|EBIT|YTD|YOY|YoY|TTM|CAGR|ROE|ROI|NAV|AUM|CEO|CFO|COO|CTO|CIO|IPO|GDP|CPI|PPI|PMI|AM|PM|GMT|UTC|EST
EDT|PST|PDT|CET|BST|TBA|TBD|FAQ|PS|NB|OK|MPH|KM|PTS|GF|GA|ET|PT|P/E|ADR|ADRs|ETF|ETFs|REIT|LLC
"""))
MONTHS = frozenset(_split("january|february|march|april|may|june|july|august|september|october|november|december|"
                          "jan.|feb.|mar.|apr.|jun.|jul.|aug.|sep.|sept.|oct.|nov.|dec."))
ORDINAL_HEADS = frozenset(_split("""
Circuit|District|Army|Fleet|Division|Corps|Amendment|Congress|Avenue|Street|Infantry|Regiment|Battalion|Brigade
Airborne|Marine|Marines|Squadron|Wing|Precinct|Ward|Dynasty|Republic|Parliament|Duma|Plenum
"""))
# words followed by a number inside a name: "Nikkei 225", "Axiom Mission 4", "Launch Complex 39A"
NUMBER_HEADS = frozenset(_split("""
Nikkei|Stoxx|STOXX|Russell|Dow|Hang|Seng|Mission|Complex|Apollo|Artemis|Gemini|Soyuz|Shenzhou|Chang'e|Voyager
Windows|Galaxy|Pixel|Model|Flight|Route|Interstate|Highway|Article|Chapter|Section|Title|Proposition|Measure
Level|Phase|Gate|Terminal|Pier|Channel|Formula|Ligue|Serie|Bundesliga|Division|League|Pad|Falcon|Atlas|Vulcan
Starship|Block|Series|Class|Type|Mark|Version|Boeing|Airbus|Embraer|Bombardier|Tu|Il|Su|MiG|Sukhoi|Ilyushin
Tupolev|Antonov|Cessna|Learjet|Gulfstream|Tesla|Xbox|PlayStation|Wii|Nintendo|Galaxy|Surface|Covid|COVID|Vision
"""))
# numbered names that are events ("Axiom Mission 4") or sites ("Launch Complex 39A")
MISSION_HEADS = frozenset(_split("Mission|Apollo|Artemis|Gemini|Soyuz|Shenzhou|Expedition|Crew|Voyage"))
SITE_HEADS = frozenset(_split("Complex|Pad|Gate|Terminal|Pier|Route|Interstate|Highway|Runway|Platform|Berth"))

# Stock market indices (typed PRODUCT, as "S&P 500" is): canonical name -> the ways news writes it (regular
# expressions). A bare "Dow Jones" (also a company) or "Nasdaq" (also the exchange) is left to the other cues;
# "the Dow" is the index.
MARKET_INDICES = {
    "Dow Jones Industrial Average": r"Dow Jones [Ii]ndustrial [Aa]verage|Dow Jones [Ii]ndustrials|Dow [Ii]ndustrials"
                                    r"|Dow Jones [Ii]ndustrial [Ii]ndex|Dow Jones [Aa]verage|DJIA"
                                    r"|(?<=[Tt]he )Dow(?![ \t]+(?:Jones|Chemical|Corning))"
                                    r"|(?<=blue-chip )Dow(?![ \t]+(?:Jones|Chemical|Corning))",
    "S&P 500": r"S&P[ ]?500(?: [Ii]ndex)?|Standard (?:&|and) Poor's 500(?: [Ii]ndex)?",
    "Nasdaq Composite": r"(?:Nasdaq|NASDAQ) [Cc]omposite(?: [Ii]ndex)?",
    "FTSE 100": r"FTSE[- ]100(?: [Ii]ndex)?",
    "Nikkei 225": r"Nikkei 225(?: [Ii]ndex)?|Nikkei(?: [Ss]tock)? (?:[Aa]verage|[Ii]ndex)",
    "DAX": r"(?:Xetra )?DAX(?: [Ii]ndex)?",
    "CAC 40": r"CAC[- ]40(?: [Ii]ndex)?",
    "Hang Seng Index": r"Hang Seng(?: [Ii]ndex)?(?! Bank)",
    "Shanghai Composite": r"Shanghai [Cc]omposite(?: [Ii]ndex)?",
    "Russell 2000": r"Russell 2000(?: [Ii]ndex)?",
}

# Airliner models, one name per model however written ("A380s", "Airbus A380-800", "the 787", "787-9s",
# "B787 Dreamliner", "Dreamliner"): the maker's name and the model's number ({0}). A bare Boeing number
# ("the 787") counts only in an article that names Boeing; a MAX stays a model of its own.
AIRBUS_MODEL = r"(?:Airbus[ \t]+)?A(3(?:00|10|18|19|20|21|30|40|50|80))(?:-?\d{3,4})?(?:neo|XWB|XLR|LR)?s?"
BOEING_MODEL = (r"(?:(?:Boeing[ \t]+|B)(7[0-8]7)|(?<![$\d.,])(7[0-8]7)(?=(?:-\d|s?[ \t]+(?:Dreamliner|MAX))))"
                r"(?:-\d{1,3}(?:ER|LR|F)?)?(?P<max>[ \t]+MAX)?(?:[ \t]+Dreamliners?)?s?")
BOEING_BARE = (r"(?:(?:" + "|".join(f"(?<={w} )" for w in "the The its Its their new first a an of".split())
               + r")(7[0-8]7)(?:-\d{1,3}(?:ER|LR|F)?)?s?|(?<![$\d.,\w-])(7[0-8]7)(?:-\d{1,3}(?:ER|LR|F)?s?|s))"
               r"(?![\w%-]|[.,]\d)")  # "the 787", "its 787-9", "20 787s"; not "787 jobs", "$787 million"
BOEING_NICKNAMES = {"Dreamliner": "787", "Dreamliners": "787", "Jumbo Jet": "747", "jumbo jet": "747"}
