"""Held-out news excerpts with hand-read names (PERSON, ORG, LOC), CoNLL-style: names only, exact spans.

Each entry: source URL, the excerpt as the page showed it, and the names a reader would mark; every
whole-word occurrence of a listed surface is gold (longest surface first). Nationalities ("Swiss"),
events and products are not gold (CoNLL's MISC); those listed as MISC only keep their parts from being gold.
The first six were read while the method was built; the last three were added and measured once, after. The excerpts are quoted from the pages named, for measurement only;
their copyright stays with the publishers. Never tune the extractor on these.
"""

DOCS = [
    {
        "id": "smh-2004-hewitt-federer",
        "url": "https://www.smh.com.au/sport/tennis/hewitt-outclassed-by-federer-20040701-gdj8t3.html",
        "published": "2004-07-01",
        "text": """Hewitt outclassed by Federer

It wasn't that Lleyton Hewitt played all that badly, he just met a man who came close to his billing as the perfect tennis player when he was knocked out of Wimbledon by Roger Federer today.

The Swiss was stretched to the limit in a high quality quarter final between the last two champions before battling past Hewitt 6-1 6-7 (7-1) 6-0 6-4.

For two sets, seventh seed Hewitt played his best tennis in over a year and had his chances, but blew two break points in the third set and handed back a break in the fourth.

He squandered two more break points at 4-4 in the fourth set as Federer hung on to go to 5-4.

"I'm disappointed, in the fourth set I felt I had my chances," Hewitt said.

Federer put on a Centre Court master class in the first set but, with a couple of rain breaks, Hewitt lifted in the second, digging out some previously unseen errors from the world No.1.""",
        "names": {"Hewitt": "PERSON", "Lleyton Hewitt": "PERSON", "Federer": "PERSON", "Roger Federer": "PERSON",
                  "Wimbledon": "LOC", "Centre Court": "LOC"},
    },
    {
        "id": "chinadaily-2004-hewitt-moya",
        "url": "https://global.chinadaily.com.cn/english/doc/2004-06/29/content_343898.htm",
        "published": "2004-06-29",
        "text": """Hewitt grabs quarter-final spot
Former champion Lleyton Hewitt dropped his first set and first service games of the tournament at Wimbledon on the way to a 6-4 6-2 4-6 7-6 win over claycourt specialist Carlos Moya.
"I look forward to the challenge ahead but I have to raise the level of my game," Hewitt said. "Roger's capable of playing exceptional tennis -- he has an all-court game". Hewitt, who suffered a humiliating first-round exit last year after winning in 2002, strode into the second week with easy victories over Juergen Melzer and Irakli Labadze before sending an emotional Goran Ivanisevic into retirement in the third round.
Hewitt's ranking has dropped after illness in 2003 affected his form and he decided to cut back on the number of tournaments he played. He is now ranked 10 in the world.
Moya kept it tough to the end but a tiebreak proved a step too far on the grass for the man from Mallorca. Hewitt attacked the Spaniard's serve, producing volley and smash winners for minibreaks before Moya netted on the second match point to hand him victory.""",
        "names": {"Hewitt": "PERSON", "Lleyton Hewitt": "PERSON", "Wimbledon": "LOC", "Carlos Moya": "PERSON",
                  "Roger": "PERSON", "Juergen Melzer": "PERSON", "Irakli Labadze": "PERSON",
                  "Goran Ivanisevic": "PERSON", "Moya": "PERSON", "Mallorca": "LOC"},
    },
    {
        "id": "vcpnewz-2025-senate",
        "url": "https://vcpnewz.com/2025/06/28/senate-republicans-put-megabill-on-track-for-likely-monday-passage",
        "published": "2025-06-28",
        "text": """Senate Republicans on Saturday took a crucial step toward passing their sweeping domestic policy bill, voting 51-49 to start debate on the legislation.
Two GOP senators — Rand Paul of Kentucky and Thom Tillis of North Carolina — joined Democrats to oppose advancing the cornerstone of President Donald Trump's second-term agenda. But several others came around after hours of last-ditch negotiations to keep the bill moving forward.
Now the chamber is on track to pass the bill sometime Monday. Democrats are forcing Senate clerks to first read the legislation out loud, which is expected to happen overnight, before a maximum 20 hours of debate plus a marathon series of amendment votes.
"It's time to get this legislation across the finish line," Majority Leader John Thune said shortly before the vote.
Trump personally intervened Friday and Saturday to shore up the whip count. He reached out to Tillis on Friday night, according to a person granted anonymity to disclose private conversations. Tillis later confirmed the call, telling reporters he told Trump he could not support the bill because of the Medicaid language. Trump later attacked Tillis publicly and called for him to face a Republican primary challenger.
Sen. Ron Johnson of Wisconsin and Sen. Rick Scott of Florida were at the White House shortly before the Senate's vote. Johnson initially voted no, then went into a long stretch of negotiations with Thune, Vance and others alongside Sens. Mike Lee of Utah, Cynthia Lummis of Wyoming.""",
        "names": {"Senate": "ORG", "GOP": "ORG", "Rand Paul": "PERSON", "Kentucky": "LOC", "Thom Tillis": "PERSON",
                  "North Carolina": "LOC", "Donald Trump": "PERSON", "John Thune": "PERSON", "Trump": "PERSON",
                  "Tillis": "PERSON", "Ron Johnson": "PERSON", "Wisconsin": "LOC", "Rick Scott": "PERSON",
                  "Florida": "LOC", "White House": "LOC", "Johnson": "PERSON", "Thune": "PERSON", "Vance": "PERSON",
                  "Mike Lee": "PERSON", "Utah": "LOC", "Cynthia Lummis": "PERSON", "Wyoming": "LOC"},
    },
    {
        "id": "moneycontrol-2025-airbus",
        "url": "https://www.moneycontrol.com/news/business/airbus-dominates-paris-air-show-debut-as-boeing-sits-out-order-frenzy-13128369.html/amp",
        "published": "2025-06-16",
        "text": """Airbus dominates Paris Air Show debut as Boeing sits out order frenzy

Airbus first landed an order for as many as 77 freighter and passenger aircraft from Saudi Arabian lessor AviLease, followed by a deal for as many as 50 of its A350-1000 widebody jets from Riyadh Air.

Airbus CEO Guillaume Faury (L) speaks at the Airbus pavillon as France's Prime Minister Francois Bayrou (2nd L) attends the 55th edition of the International Paris Air Show at the Paris-Le Bourget Airport, in Le Bourget, suburb of Paris on June 16, 2025.

Airbus SE kicked off the Paris Air Show with orders from Saudi Arabian customers valued at as much as $17 billion and a major purchase from Poland, building an early lead over Boeing Co., which scaled back its presence at the event following a crash involving one of its jets in India last week.

Airbus first landed an order for as many as 77 freighter and passenger aircraft from Saudi Arabian lessor AviLease, followed by a deal for as many as 50 of its A350-1000 widebody jets from Riyadh Air. Later in the day, Poland's LOT Airlines said it would purchase 40 A220 airliners, with an option to extend the accord to 84 units.

This year's event took a tragic twist last week after an India Air jetliner crashed, killing all but one of the 242 people on board the Boeing 787 Dreamliner. As a result, Boeing canceled its senior executives' appearances at the show, and the company has also scaled back plans for any commercial announcements.""",
        "names": {"Airbus": "ORG", "Boeing": "ORG", "AviLease": "ORG", "Riyadh Air": "ORG", "Guillaume Faury": "PERSON",
                  "France": "LOC", "Francois Bayrou": "PERSON", "Paris-Le Bourget Airport": "LOC",
                  "Le Bourget": "LOC", "Paris": "LOC", "Airbus SE": "ORG", "Poland": "LOC", "Boeing Co.": "ORG",
                  "India": "LOC", "LOT Airlines": "ORG", "India Air": "ORG",
                  "Paris Air Show": "MISC", "International Paris Air Show": "MISC"},
    },
    {
        "id": "politico-2017-juncker",
        "url": "https://politico1726.rssing.com/chan-67610762/article64.html",
        "published": "2017-07-06",
        "text": """With the G20 meeting in Hamburg about to get going, reporters in Brussels were more interested in the collapse of talks in Switzerland on the reunification of Cyprus.
The European Commission said it regretted that the 10-day talks had failed but it would continue to provide political and technical support when the search for agreement continues.
Alexander Winterstein, the Commission's deputy spokesman, wasn't keen on answering a question about whether the EU's complex relationships with Turkey in recent months played a part in the talks collapsing. He also said that even though Commission President Jean-Claude Juncker and Turkish President Recep Tayyip Erdoğan are both at the G20, there won't be a special meeting on Cyprus held at the Hamburg summit.
Juncker will on Monday meet with former Commissioner for Competition Joaquín Almunia and with Michael Peters, the CEO of Euronews, which receives cash from the EU budget and has formed a partnership with U.S. media group NBC.
Juncker and Commission First Vice President Frans Timmermans will meet with new Romanian Prime Minister Mihai Tudose on Tuesday. The Commission chief will head to Ukraine for an EU-Ukraine summit later next week.""",
        "names": {"G20": "ORG", "Hamburg": "LOC", "Brussels": "LOC", "Switzerland": "LOC", "Cyprus": "LOC",
                  "European Commission": "ORG", "Alexander Winterstein": "PERSON", "Commission": "ORG", "EU": "ORG",
                  "Turkey": "LOC", "Jean-Claude Juncker": "PERSON", "Recep Tayyip Erdoğan": "PERSON",
                  "Juncker": "PERSON", "Joaquín Almunia": "PERSON", "Michael Peters": "PERSON", "Euronews": "ORG",
                  "U.S.": "LOC", "NBC": "ORG", "Frans Timmermans": "PERSON", "Mihai Tudose": "PERSON",
                  "Ukraine": "LOC"},
    },
    {
        "id": "europa-2018-college",
        "url": "http://europa.eu/rapid/press-release_MEX-18-4232_en.htm",
        "published": "2018-06-20",
        "text": """Today the College of Commissioners met in Brussels where a number of important issues were discussed in the context of the upcoming European Council. President Juncker debriefed the College about his meeting with German Chancellor Angela Merkel and French President Emmanuel Macron in Meseberg yesterday, where he said: "I am very satisfied with the French-German paper, which builds on the Commission's proposals." As a follow-up to the Meseberg meeting, the European Commission has convened an informal working meeting on migration and asylum issues, which will take place this Sunday, 24 June in Brussels. On the College agenda was also the Stability Support Programme for Greece on which discussions were held ahead of the Eurogroup meeting on 21 June. Tomorrow at 10:30 CET, Commissioner Avramopoulos will present the Commission's contribution to the European Council with regards to migration, and on Monday 25 June, Commissioner Oettinger will cover the Commission's contribution to the debate on the EU's next long-term budget. The Commission's Chief Negotiator for Article 50 negotiations with the UK, Michel Barnier, also attended the College meeting today.""",
        "names": {"College of Commissioners": "ORG", "Brussels": "LOC", "European Council": "ORG", "Juncker": "PERSON",
                  "College": "ORG", "Angela Merkel": "PERSON", "Emmanuel Macron": "PERSON", "Meseberg": "LOC",
                  "Commission": "ORG", "European Commission": "ORG", "Greece": "LOC", "Eurogroup": "ORG",
                  "Avramopoulos": "PERSON", "Oettinger": "PERSON", "EU": "ORG", "UK": "LOC",
                  "Michel Barnier": "PERSON", "Article 50": "MISC"},
    },
]

DOCS += [
    {
        "id": "irishexaminer-2009-hewitt-delpotro",
        "url": "https://www.irishexaminer.com/sport/othersport/arid-30416299.html",
        "published": "2009-06-25",
        "text": """Hewitt shocks Del Potro to progress

Fifth seed Juan Martin Del Potro became Wimbledon's biggest casualty so far this year when he was beaten in straight sets by former champion Lleyton Hewitt on Centre Court.

The Argentinian had the ranking advantage – number five in the world compared to his opponent's 56th position – but Hewitt has the grass-court pedigree having won the title in 2002 and reached at least the fourth round for the last five years in succession.

It was a story of missed chances in the second-round match for Del Potro, who converted just one of his eight break points, while Hewitt pounced at the right moments to seal a 6-3 7-5 7-5 victory.

Del Potro took Rafael Nadal's place at the top of the draw following the number one seed's withdrawal and he must have been dismayed to face such a classy opponent so early on.

And he capitalised straight away by breaking in the next game after a Hawk-Eye challenge from Del Potro showed Hewitt's shot to be well inside the line.""",
        "names": {"Hewitt": "PERSON", "Del Potro": "PERSON", "Juan Martin Del Potro": "PERSON", "Wimbledon": "LOC",
                  "Lleyton Hewitt": "PERSON", "Centre Court": "LOC", "Rafael Nadal": "PERSON", "Hawk-Eye": "MISC"},
    },
    {
        "id": "seattletimes-2019-boeing-787",
        "url": "https://www.seattletimes.com/business/boeing-ends-paris-air-show-drought-with-787-order/",
        "published": "2019-06-18",
        "text": """PARIS, France — Airbus was working to pad its lead Tuesday after a resounding first day of the Paris Air Show, when it shut out Boeing in aircraft orders by a score of $13 billion to nothing.

Boeing got in on the action with an order for 20 787s from Korean Air Lines, and Airbus promptly fired back with a deal from Saudi Arabia.

Boeing won a 30-plane 787 order from Korean Air Lines. The carrier agreed to buy 10 new 787-10s and 10 additional 787-9s valued at $6.3 billion at current list prices. Korean Air will also lease 10 787-10s from Air Lease Corp. The talks were earlier reported by Bloomberg.

Saudi Arabian Airlines increased its commitment for A320neo jets from Airbus to as many as 100 aircraft, from up to 35 previously. The deal, including 15 of the newly launched long-distance A321XLR, would total about $7.5 billion at list prices.

"In addition to the narrow-body order, evaluations are currently under way for wide-body requirements," said Saleh Al-Jasser, the airline's director general, in a statement.

Israel's Eviation Aircraft made a splash at the show with the unveiling of the all-electric Alice. U.S. carrier Cape Air was revealed as the first customer, with a planned fleet of 92 planes.""",
        "names": {"PARIS": "LOC", "France": "LOC", "Airbus": "ORG", "Paris Air Show": "MISC", "Boeing": "ORG",
                  "Korean Air Lines": "ORG", "Saudi Arabia": "LOC", "Korean Air": "ORG", "Air Lease Corp.": "ORG",
                  "Bloomberg": "ORG", "Saudi Arabian Airlines": "ORG", "Saleh Al-Jasser": "PERSON", "Israel": "LOC",
                  "Eviation Aircraft": "ORG", "Alice": "MISC", "U.S.": "LOC", "Cape Air": "ORG"},
    },
    {
        "id": "stiripesurse-2019-juncker-iohannis",
        "url": "https://www.stiripesurse.ro/romania2019-eu-president-of-the-european-commission-welcomed-at-cotroceni-presidential-palace_1317010.html",
        "published": "2019-01-11",
        "text": """President Klaus Iohannis on Friday welcomed at the Cotroceni Presidential Palace the President of the European Commission, Jean Claude Juncker, in the context of the taking over by Romania of the rotating Presidency at the Council of the EU.
The two high officials will have a tete-a-tete conversation, after which the head of state will have a meeting of the College of Commissioners.
President Iohannis and the President of the EC will hold a joint press conference.
According to a release of the Presidential Administration, the topics for discussion will be related to the Romanian Presidency at the Council of the EU.
"President Iohannis will highlight the fact that Romania wishes to have a successful mandate, result-oriented," informed the Presidential Administration in a release.""",
        "names": {"Klaus Iohannis": "PERSON", "Cotroceni Presidential Palace": "LOC", "European Commission": "ORG",
                  "Jean Claude Juncker": "PERSON", "Romania": "LOC", "Council of the EU": "ORG",
                  "College of Commissioners": "ORG", "Iohannis": "PERSON", "EC": "ORG",
                  "Presidential Administration": "ORG"},
    },
]
